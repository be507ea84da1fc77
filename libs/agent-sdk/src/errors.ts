/**
 * Thrown by a handler for a failure that another attempt cannot fix (invalid input, a permanent
 * refusal): the task fails at once instead of being retried. Any error with `retryable: false`
 * has the same effect.
 */
export class NonRetryableError extends Error {
  override readonly name: string = 'NonRetryableError';
  readonly retryable = false;
}

/**
 * The task is no longer this agent's: its lease expired, it was cancelled or timed out, or it
 * went to another agent. `ctx.progress()` throws it and `ctx.signal` is aborted with it; whatever
 * the handler returns afterwards is not reported.
 */
export class TaskLostError extends Error {
  override readonly name: string = 'TaskLostError';
}

/** Whether a handler's failure may be retried: unless it says `retryable: false`. */
export function isRetryable(error: unknown): boolean {
  return !(typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false);
}

/** The most the API accepts as a failure's `error`. */
const MAX_ERROR_LENGTH = 2_000;

/** Unpaired surrogates: with NUL, the text PostgreSQL cannot store, so a failure carrying them would be refused. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The failure as reported to AINS: the error's message (never empty, never too long, always storable). */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const text = message.replaceAll('\u0000', '\uFFFD').replace(UNPAIRED_SURROGATE, '\uFFFD').trim() || 'The handler failed without a message';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
