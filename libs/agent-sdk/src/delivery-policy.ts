import { AinsApiError, backoffDelayMs, type BackoffOptions } from '@ains/sdk';

/**
 * Backoff between deliveries of reports without a `Retry-After`: short, so results land soon
 * after an outage ends, well within the lease period AINS grants after task-service restarts.
 */
export const REPORT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 5_000 };

/** What to do after a batch of reports was not answered item by item. */
export type DeliveryStep =
  /** The platform is busy or unreachable: send the same reports again after the wait, however long. */
  | { kind: 'retry'; afterMs: number }
  /** The request as a whole was refused: send each report on its own, to find the one at fault. */
  | { kind: 'split' }
  /** The refusal concerns every report (the key is no longer valid): they cannot be delivered. */
  | { kind: 'refuse' };

/** Whole-request refusals caused by the content of one report (a result the gateway cannot accept, say). */
const CONTENT_REFUSALS = new Set([400, 413, 422]);

/**
 * Policy: a finished result is kept until the platform has answered it. Rate limits, outages and
 * transport failures are waited out (`Retry-After` honoured whatever its length); a refusal of
 * the whole request is narrowed down to the report that caused it; only a refusal that no resend
 * can change ends the delivery.
 *
 * @param failures deliveries of this batch that failed so far (1 after the first)
 */
export function afterFailedDelivery(error: unknown, failures: number, batchSize: number, random: () => number = Math.random): DeliveryStep {
  if (!(error instanceof AinsApiError)) return { kind: 'retry', afterMs: backoffDelayMs(failures, REPORT_BACKOFF, random) };
  if (CONTENT_REFUSALS.has(error.status)) return batchSize > 1 ? { kind: 'split' } : { kind: 'refuse' };
  if (error.status === 401 || error.status === 403) return { kind: 'refuse' };
  return { kind: 'retry', afterMs: error.retryAfterMs ?? backoffDelayMs(failures, REPORT_BACKOFF, random) };
}
