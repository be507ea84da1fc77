import type { ApiOperation } from '@ains/contracts';
import type { WindowVerdict } from '@ains/platform';
import type { Principal } from '../auth/authenticator';

/** The windows one request is counted in. */
export interface RateBudget {
  /** `rate`: the key's own limit; `rate-work`: the agent work budget. Part of the window's store key. */
  window: 'rate' | 'rate-work';
  perMinute: number;
  perSecond: number | null;
}

export interface RateLimitDecision extends WindowVerdict {
  /** The budget's per-minute quota. */
  limit: number;
  budget: RateBudget['window'];
  /** The budget's per-second quota, if it has one. */
  perSecond: number | null;
}

/**
 * Policy: the work protocol of an agent's own key (`agent:work` operations: claims, reports,
 * heartbeats) is counted in a budget of its own, at least `agentWorkPerMinute` and never below
 * the key's limit, without the key's per-second burst. An agent SDK sends a bounded number of
 * requests per second whatever its throughput (claims and reports are batched), so a healthy agent
 * stays well inside it, while a client looping on the work endpoints is still refused. Everything
 * else a key does is counted in the key's own windows.
 */
export function budgetOf(principal: Pick<Principal, 'caller' | 'rateLimitPerMinute' | 'burstPerSecond'>, operation: Pick<ApiOperation, 'scopes'>, agentWorkPerMinute: number): RateBudget {
  if (principal.caller.agentId && operation.scopes.includes('agent:work')) {
    return { window: 'rate-work', perMinute: Math.max(agentWorkPerMinute, principal.rateLimitPerMinute), perSecond: null };
  }
  return { window: 'rate', perMinute: principal.rateLimitPerMinute, perSecond: principal.burstPerSecond };
}

export function decisionOf(verdict: WindowVerdict, budget: RateBudget): RateLimitDecision {
  return { ...verdict, limit: budget.perMinute, budget: budget.window, perSecond: budget.perSecond };
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

/** What a refused request is told about the budget it exhausted. */
export function rateLimitDetail(decision: RateLimitDecision): string {
  const what = decision.budget === 'rate-work' ? 'This agent key’s work budget allows' : 'This API key may make';
  return `${what} ${decision.limit} requests per minute${decision.perSecond ? ` and ${decision.perSecond} per second` : ''}.`;
}

/** When the limiter cannot be asked and the policy is fail-open: admitted, nothing known to be used. */
export function unmeteredDecision(budget: RateBudget): RateLimitDecision {
  return { admitted: true, limit: budget.perMinute, budget: budget.window, perSecond: budget.perSecond, remaining: budget.perMinute, resetMs: 60_000, retryAfterMs: 0 };
}
