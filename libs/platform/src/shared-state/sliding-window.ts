export const MINUTE_MS = 60_000;
export const SECOND_MS = 1_000;

export interface WindowLimits {
  perMinute: number;
  /** A burst limit on top of the per-minute one; 0 or null for none. */
  perSecond?: number | null;
}

export interface WindowVerdict {
  admitted: boolean;
  /** What is left of the per-minute quota after this request. */
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the one-minute window. */
  resetMs: number;
  /** Milliseconds until a refused request could be admitted; 0 when admitted. */
  retryAfterMs: number;
}

/**
 * Sliding-window logs per key: a request is admitted when fewer than the limit were admitted in
 * the last minute (and, with a burst limit, the last second), and then counted. Redis's makes one
 * log for every instance; the in-process one counts this process's requests only.
 */
export abstract class SlidingWindowLimiter {
  abstract consume(key: string, limits: WindowLimits): Promise<WindowVerdict>;
}
