import type { WindowVerdict } from '@ains/platform';

export interface RateLimitDecision extends WindowVerdict {
  /** The key's per-minute quota. */
  limit: number;
}

export function decisionOf(verdict: WindowVerdict, limit: number): RateLimitDecision {
  return { ...verdict, limit };
}

/**
 * The `RateLimit-*` headers (IETF draft "RateLimit header fields for HTTP", the three-header
 * form): the per-minute quota, what is left of it, and seconds until a slot frees up. A rejected
 * request also gets `Retry-After` in whole seconds, rounded up so that retrying then succeeds.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(Math.ceil(decision.resetMs / 1000)),
  };
  if (!decision.admitted) headers['retry-after'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  return headers;
}

/** When the limiter cannot be asked and the policy is fail-open: admitted, nothing known to be used. */
export function unmeteredDecision(limit: number): RateLimitDecision {
  return { admitted: true, limit, remaining: limit, resetMs: 60_000, retryAfterMs: 0 };
}
