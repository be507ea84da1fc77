import type { Caller } from '@ains/contracts';
import { budgetOf, decisionOf, rateLimitDetail, rateLimitHeaders, unmeteredDecision, type RateBudget } from './rate-limit-decision';

const keyBudget: RateBudget = { window: 'rate', perMinute: 60, perSecond: null };

describe('rate limit decisions', () => {
  it('renders an admitted request as the three headers in seconds, rounded up', () => {
    const decision = decisionOf({ admitted: true, remaining: 41, resetMs: 12_001, retryAfterMs: 0 }, keyBudget);
    expect(decision).toEqual({ admitted: true, limit: 60, budget: 'rate', perSecond: null, remaining: 41, resetMs: 12_001, retryAfterMs: 0 });
    expect(rateLimitHeaders(decision)).toEqual({ 'ratelimit-limit': '60', 'ratelimit-remaining': '41', 'ratelimit-reset': '13' });
  });

  it('adds Retry-After to a rejection, never less than one second', () => {
    expect(rateLimitHeaders(decisionOf({ admitted: false, remaining: 0, resetMs: 30_000, retryAfterMs: 29_500 }, keyBudget))['retry-after']).toBe('30');
    expect(rateLimitHeaders(decisionOf({ admitted: false, remaining: 0, resetMs: 300, retryAfterMs: 20 }, keyBudget))['retry-after']).toBe('1');
  });

  it('reports an unmetered request as a full quota', () => {
    expect(rateLimitHeaders(unmeteredDecision({ ...keyBudget, perMinute: 600 }))).toEqual({ 'ratelimit-limit': '600', 'ratelimit-remaining': '600', 'ratelimit-reset': '60' });
  });

  it('names the exhausted budget in the refusal', () => {
    const refused = { admitted: false, remaining: 0, resetMs: 1_000, retryAfterMs: 1_000 };
    expect(rateLimitDetail(decisionOf(refused, { window: 'rate', perMinute: 60, perSecond: 5 }))).toBe('This API key may make 60 requests per minute and 5 per second.');
    expect(rateLimitDetail(decisionOf(refused, { window: 'rate-work', perMinute: 6_000, perSecond: null }))).toBe('This agent key’s work budget allows 6000 requests per minute.');
  });
});

describe('budgetOf', () => {
  const caller = (agentId: string | null): Caller => ({ clientId: 'acme', keyId: 'k', scopes: ['agent:work'], agentId }) as Caller;
  const tightKey = { rateLimitPerMinute: 60, burstPerSecond: 2 };

  it('counts an agent key’s work calls in the work budget, never below the key’s own limit', () => {
    expect(budgetOf({ caller: caller('agent-1'), ...tightKey }, { scopes: ['agent:work'] }, 6_000)).toEqual({ window: 'rate-work', perMinute: 6_000, perSecond: null });
    expect(budgetOf({ caller: caller('agent-1'), rateLimitPerMinute: 10_000, burstPerSecond: null }, { scopes: ['agents:write', 'agent:work'] }, 6_000)).toEqual({ window: 'rate-work', perMinute: 10_000, perSecond: null });
  });

  it('counts everything else in the key’s own windows', () => {
    expect(budgetOf({ caller: caller('agent-1'), ...tightKey }, { scopes: ['agents:read'] }, 6_000)).toEqual({ window: 'rate', perMinute: 60, perSecond: 2 });
    expect(budgetOf({ caller: caller(null), ...tightKey }, { scopes: ['agent:work'] }, 6_000)).toEqual({ window: 'rate', perMinute: 60, perSecond: 2 });
  });
});
