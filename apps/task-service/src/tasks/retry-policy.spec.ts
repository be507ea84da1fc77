import { mayRetry, retryDelayMs, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { max_attempts: 3, backoff_base_ms: 1_000, backoff_max_ms: 5_000, jitter: 0 };

describe('retry backoff', () => {
  it('doubles from the base and stops at the maximum', () => {
    expect([1, 2, 3, 4, 10].map((failures) => retryDelayMs(policy, failures))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('takes at most the jitter fraction away', () => {
    const jittered = { ...policy, jitter: 0.5 };
    expect(retryDelayMs(jittered, 2, () => 0)).toBe(2_000);
    expect(retryDelayMs(jittered, 2, () => 0.999_999)).toBe(1_000);
    expect(retryDelayMs(jittered, 2, () => 0.5)).toBe(1_500);
  });

  it('allows max_attempts attempts in all', () => {
    expect(mayRetry(policy, 2)).toBe(true);
    expect(mayRetry(policy, 3)).toBe(false);
  });
});
