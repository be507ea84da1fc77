export interface BackoffOptions {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** Largest delay ceiling: the doubling stops here. */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": the ceiling doubles per attempt up to `maxMs`, and the
 * delay is drawn between half the ceiling and all of it. The random half spreads clients that
 * failed together; the fixed half keeps a retry from coming back at once.
 *
 * @param attempt 1 for the delay after the first failure, 2 after the second, …
 */
export function backoffDelayMs(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
