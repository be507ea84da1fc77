import { AinsApiError, backoffDelayMs, type BackoffOptions } from '@ains/sdk';

/** Backoff between failed claims: from half a second, doubling up to 30 s. */
export const CLAIM_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** How long to wait after the `failures`-th failed claim in a row: what the server's `Retry-After` asked, or jittered backoff. */
export function claimRetryDelayMs(failures: number, error: unknown, random: () => number = Math.random): number {
  const asked = error instanceof AinsApiError ? error.retryAfterMs : undefined;
  return asked ?? backoffDelayMs(failures, CLAIM_BACKOFF, random);
}

/** Backoff before the assignment stream is tried again after it ended: from a second, doubling up to a minute. */
export const STREAM_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };
/** The platform does not offer the stream (404, 405): long-poll, and ask again this much later. */
export const STREAM_UNAVAILABLE_RETRY_MS = 300_000;
/** Three keep-alive periods (15 s) without a byte: the connection is taken for dead. */
export const STREAM_IDLE_TIMEOUT_MS = 45_000;

const MIN_RENEWAL_MS = 200;
const MAX_RENEWAL_MS = 60_000;
const RENEWAL_WITHOUT_LEASE_MS = 20_000;

/**
 * How often a running task's lease is renewed: a third of the lease, so two renewals may fail (a
 * busy or briefly unreachable gateway) before it lapses. The lease is read from the start answer
 * as `lease_expires_at − started_at`, two times of the server's clock, so the agent's clock does
 * not matter.
 */
export function leaseRenewalIntervalMs(started: { started_at: string | null; lease_expires_at: string | null }): number {
  if (!started.started_at || !started.lease_expires_at) return RENEWAL_WITHOUT_LEASE_MS;
  const leaseMs = Date.parse(started.lease_expires_at) - Date.parse(started.started_at);
  if (!Number.isFinite(leaseMs)) return RENEWAL_WITHOUT_LEASE_MS;
  return Math.min(MAX_RENEWAL_MS, Math.max(MIN_RENEWAL_MS, Math.floor(leaseMs / 3)));
}
