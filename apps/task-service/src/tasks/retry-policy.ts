/** Retry policy of a task, as stored (snake_case, as in the API). */
export interface RetryPolicy {
  max_attempts: number;
  backoff_base_ms: number;
  backoff_max_ms: number;
  jitter: number;
}

/**
 * Delay before failed attempt `failures` (1 for the first failure) is retried: exponential from
 * the base, capped at the maximum, then up to `jitter` of it taken away at random so that tasks
 * failing together do not come back together.
 */
export function retryDelayMs(policy: RetryPolicy, failures: number, random: () => number = Math.random): number {
  const exponential = policy.backoff_base_ms * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(policy.backoff_max_ms, exponential);
  return Math.round(capped * (1 - policy.jitter * random()));
}

/** Whether another attempt is allowed after `failures` failed or timed-out attempts. */
export function mayRetry(policy: RetryPolicy, failures: number): boolean {
  return failures < policy.max_attempts;
}
