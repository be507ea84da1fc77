import { decisionOf, rateLimitHeaders, unmeteredDecision } from './rate-limit-decision';

describe('rate limit decisions', () => {
  it('renders an admitted request as the three headers in seconds, rounded up', () => {
    const decision = decisionOf({ admitted: true, remaining: 41, resetMs: 12_001, retryAfterMs: 0 }, 60);
    expect(decision).toEqual({ admitted: true, limit: 60, remaining: 41, resetMs: 12_001, retryAfterMs: 0 });
    expect(rateLimitHeaders(decision)).toEqual({ 'ratelimit-limit': '60', 'ratelimit-remaining': '41', 'ratelimit-reset': '13' });
  });

  it('adds Retry-After to a rejection, never less than one second', () => {
    expect(rateLimitHeaders(decisionOf({ admitted: false, remaining: 0, resetMs: 30_000, retryAfterMs: 29_500 }, 60))['retry-after']).toBe('30');
    expect(rateLimitHeaders(decisionOf({ admitted: false, remaining: 0, resetMs: 300, retryAfterMs: 20 }, 60))['retry-after']).toBe('1');
  });

  it('reports an unmetered request as a full quota', () => {
    expect(rateLimitHeaders(unmeteredDecision(600))).toEqual({ 'ratelimit-limit': '600', 'ratelimit-remaining': '600', 'ratelimit-reset': '60' });
  });
});
