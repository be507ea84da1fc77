import { backoffDelayMs } from './backoff';

export interface RetryOptions {
  /** Attempts in all, the first one included; 1 turns retries off. */
  maxAttempts: number;
  /** Delay ceiling of the first retry when the answer has no `Retry-After`. */
  baseDelayMs: number;
  /**
   * Longest wait between attempts: backoff stops doubling here, and an answer asking for a longer
   * `Retry-After` (a lockout, say) is returned to the caller at once instead of waited for.
   */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 30_000 };

/** Methods whose repetition has no further effect (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a request may be sent again after an answer or a failure that leaves its effect unknown:
 * an idempotent method, a request carrying an `Idempotency-Key` (AINS replays the first response
 * for the same key and body), or one the caller declared repeatable.
 */
export function isRepeatable(request: Request, declaredIdempotent = false): boolean {
  return declaredIdempotent || IDEMPOTENT_METHODS.has(request.method) || request.headers.has('idempotency-key');
}

/**
 * Whether an answer is worth another attempt. 429 always is: the gateway refuses a rate-limited
 * request before anything runs. 503 (backpressure, an unreachable service, an open circuit) only
 * for repeatable requests, since a service may have acted before the connection to it failed.
 */
export function isRetryableStatus(status: number, repeatable: boolean): boolean {
  return status === 429 || (status === 503 && repeatable);
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or invalid. */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  // HTTP dates (IMF-fixdate and the two obsolete forms) all begin with the day's name.
  const date = /^[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before the next attempt, or undefined to give up: after the last attempt, or
 * when the server asks for longer than `maxDelayMs`. The server's `Retry-After` wins; without it,
 * jittered exponential backoff.
 *
 * @param attempt attempts made so far (1 after the first)
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, options: RetryOptions, random: () => number = Math.random): number | undefined {
  if (attempt >= options.maxAttempts) return undefined;
  const asked = parseRetryAfterMs(retryAfter);
  if (asked !== undefined) return asked <= options.maxDelayMs ? asked : undefined;
  return backoffDelayMs(attempt, { baseMs: options.baseDelayMs, maxMs: options.maxDelayMs }, random);
}
