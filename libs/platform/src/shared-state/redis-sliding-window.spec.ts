import { verdictFromScript } from './redis-sliding-window';

describe('verdictFromScript', () => {
  it('reads the script reply', () => {
    expect(verdictFromScript([1, 41, 12_001, 0])).toEqual({ admitted: true, remaining: 41, resetMs: 12_001, retryAfterMs: 0 });
    expect(verdictFromScript([0, 0, 30_000, 29_500])).toEqual({ admitted: false, remaining: 0, resetMs: 30_000, retryAfterMs: 29_500 });
  });

  it('never reports a negative remainder (a key whose limit was lowered)', () => {
    expect(verdictFromScript([0, -5, 1_000, 1_000]).remaining).toBe(0);
  });

  it('refuses replies it does not understand', () => {
    expect(() => verdictFromScript(['1', 2, 3, 4])).toThrow(/unexpected/);
    expect(() => verdictFromScript(null)).toThrow(/unexpected/);
  });
});
