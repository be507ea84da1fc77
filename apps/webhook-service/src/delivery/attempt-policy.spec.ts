import { afterAttempt, judgeAttempt, type AttemptResult, type RetryPolicy } from './attempt-policy';

const result = (statusCode: number | null, error: string | null = null): AttemptResult => ({ statusCode, latencyMs: 3, responseBody: null, error });
const policy: RetryPolicy = { scheduleMs: [1_000, 60_000], jitter: 0, disableAfterMs: 3_600_000 };
const now = new Date('2026-01-01T12:00:00Z');
const failingNow = { enabled: true, failingSince: now };

describe('attempt policy', () => {
  it('judges 2xx a success, 410 gone and everything else a failure', () => {
    expect(judgeAttempt(result(200))).toBe('succeeded');
    expect(judgeAttempt(result(204))).toBe('succeeded');
    expect(judgeAttempt(result(410))).toBe('gone');
    expect(judgeAttempt(result(301))).toBe('failed');
    expect(judgeAttempt(result(500))).toBe('failed');
    expect(judgeAttempt(result(null, 'timeout'))).toBe('failed');
  });

  it('retries failures on the schedule and dead-letters once it is exhausted', () => {
    expect(afterAttempt('failed', 1, failingNow, now, policy)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 1_000), disableEndpoint: null });
    expect(afterAttempt('failed', 2, failingNow, now, policy)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 60_000), disableEndpoint: null });
    expect(afterAttempt('failed', 3, failingNow, now, policy)).toEqual({ status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: null });
  });

  it('ends the delivery and disables the endpoint on 410 Gone', () => {
    expect(afterAttempt('gone', 1, failingNow, now, policy)).toEqual({ status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: 'gone' });
  });

  it('disables an endpoint that has been failing for the whole configured period', () => {
    const justUnder = new Date(now.getTime() - 3_599_999);
    const atLimit = new Date(now.getTime() - 3_600_000);
    expect(afterAttempt('failed', 1, { enabled: true, failingSince: justUnder }, now, policy).disableEndpoint).toBeNull();
    expect(afterAttempt('failed', 1, { enabled: true, failingSince: atLimit }, now, policy)).toEqual({ status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: 'failing' });
  });

  it('ends a failed delivery whose endpoint was disabled while the attempt was in flight', () => {
    const disabled = { enabled: false, failingSince: now };
    expect(afterAttempt('failed', 1, disabled, now, policy)).toEqual({ status: 'dead_lettered', nextAttemptAt: null, disableEndpoint: null });
    expect(afterAttempt('gone', 1, disabled, now, policy).disableEndpoint).toBeNull();
    expect(afterAttempt('succeeded', 1, disabled, now, policy).status).toBe('succeeded');
  });

  it('completes a successful delivery', () => {
    expect(afterAttempt('succeeded', 2, { enabled: true, failingSince: null }, now, policy)).toEqual({ status: 'succeeded', nextAttemptAt: null, disableEndpoint: null });
  });
});
