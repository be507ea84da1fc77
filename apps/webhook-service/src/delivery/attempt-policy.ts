import type { DeliveryStatus } from '@ains/contracts';
import { nextRetryDelayMs } from './retry-schedule';

/** What one HTTP attempt produced. */
export interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  /** The start of the response body, up to the configured cap. */
  responseBody: string | null;
  /** Why no usable response came back (refused destination, timeout, connection error) or why it failed. */
  error: string | null;
}

export const ATTEMPT_VERDICTS = ['succeeded', 'gone', 'failed'] as const;
export type AttemptVerdict = (typeof ATTEMPT_VERDICTS)[number];

/** 2xx is success; 410 Gone means the receiver wants no more; anything else (3xx included: redirects are not followed) fails. */
export function judgeAttempt(result: AttemptResult): AttemptVerdict {
  if (result.statusCode === null) return 'failed';
  if (result.statusCode >= 200 && result.statusCode < 300) return 'succeeded';
  return result.statusCode === 410 ? 'gone' : 'failed';
}

export interface RetryPolicy {
  /** Delays before retries 1..n, in milliseconds. */
  scheduleMs: readonly number[];
  jitter: number;
  /** An endpoint failing for this long without a single success is disabled. */
  disableAfterMs: number;
}

export interface AfterAttempt {
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  /** Set when this attempt should disable the endpoint, with the reason. */
  disableEndpoint: 'gone' | 'failing' | null;
}

/** The endpoint as it stands once this attempt's outcome is recorded. */
export interface EndpointHealth {
  enabled: boolean;
  /** When the current run of failures began (this attempt included); null after a success. */
  failingSince: Date | null;
}

/**
 * The delivery's next state after an attempt. `cycleAttempts` counts attempts since the delivery
 * was created or last replayed, this one included. A failure at an endpoint that was disabled
 * while the attempt was in flight ends the delivery, like the pending ones disabling ended.
 */
export function afterAttempt(verdict: AttemptVerdict, cycleAttempts: number, endpoint: EndpointHealth, now: Date, policy: RetryPolicy, random: () => number = Math.random): AfterAttempt {
  if (verdict === 'succeeded') return { status: 'succeeded', nextAttemptAt: null, disableEndpoint: null };
  if (!endpoint.enabled) return { status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: null };
  if (verdict === 'gone') return { status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: 'gone' };
  const { failingSince } = endpoint;
  if (failingSince && now.getTime() - failingSince.getTime() >= policy.disableAfterMs) {
    return { status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: 'failing' };
  }
  const delay = nextRetryDelayMs(policy.scheduleMs, cycleAttempts, policy.jitter, random);
  if (delay === null) return { status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: null };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), disableEndpoint: null };
}
