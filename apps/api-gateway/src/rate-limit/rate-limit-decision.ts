export interface RateLimitDecision {
  admitted: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the one-minute window. */
  resetMs: number;
  /** Milliseconds until a rejected request could be admitted; 0 when admitted. */
  retryAfterMs: number;
}

/** Reads the Lua script's reply. */
export function decisionFromScript(reply: unknown, limit: number): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((value) => typeof value === 'number')) {
    throw new Error(`unexpected rate limit script reply: ${JSON.stringify(reply)}`);
  }
  const [admitted, remaining, resetMs, retryAfterMs] = reply as number[];
  return { admitted: admitted === 1, limit, remaining: Math.max(0, remaining), resetMs: Math.max(0, resetMs), retryAfterMs: Math.max(0, retryAfterMs) };
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

/** When Redis cannot be asked and the policy is fail-open: admitted, nothing known to be used. */
export function unmeteredDecision(limit: number): RateLimitDecision {
  return { admitted: true, limit, remaining: limit, resetMs: 60_000, retryAfterMs: 0 };
}
