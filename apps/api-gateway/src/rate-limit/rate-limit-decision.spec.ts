import { decisionFromScript, rateLimitHeaders, unmeteredDecision } from './rate-limit-decision';

describe('rate limit decisions', () => {
  it('reads an admitted reply and renders the three headers in seconds, rounded up', () => {
    const decision = decisionFromScript([1, 41, 12_001, 0], 60);
    expect(decision).toEqual({ admitted: true, limit: 60, remaining: 41, resetMs: 12_001, retryAfterMs: 0 });
    expect(rateLimitHeaders(decision)).toEqual({ 'ratelimit-limit': '60', 'ratelimit-remaining': '41', 'ratelimit-reset': '13' });
  });

  it('adds Retry-After to a rejection, never less than one second', () => {
    expect(rateLimitHeaders(decisionFromScript([0, 0, 30_000, 29_500], 60))['retry-after']).toBe('30');
    expect(rateLimitHeaders(decisionFromScript([0, 0, 300, 20], 60))['retry-after']).toBe('1');
  });

  it('never reports a negative remainder (a key whose limit was lowered)', () => {
    expect(decisionFromScript([0, -5, 1_000, 1_000], 10).remaining).toBe(0);
  });

  it('refuses replies it does not understand', () => {
    expect(() => decisionFromScript(['1', 2, 3, 4], 10)).toThrow(/unexpected/);
    expect(() => decisionFromScript(null, 10)).toThrow(/unexpected/);
  });

  it('reports an unmetered request as a full quota', () => {
    expect(rateLimitHeaders(unmeteredDecision(600))).toEqual({ 'ratelimit-limit': '600', 'ratelimit-remaining': '600', 'ratelimit-reset': '60' });
  });
});
