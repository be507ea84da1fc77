import { AinsApiError } from '@ains/sdk';
import { CLAIM_BACKOFF, claimRetryDelayMs, leaseRenewalIntervalMs } from './timing';

describe('claimRetryDelayMs', () => {
  it('waits what Retry-After asked for', () => {
    const rateLimited = new AinsApiError(429, { title: 'Too many requests' }, new Headers({ 'retry-after': '7' }));
    expect(claimRetryDelayMs(1, rateLimited)).toBe(7_000);
  });

  it('backs off with jitter, doubling per failure up to 30 s', () => {
    const unreachable = new TypeError('fetch failed');
    expect(claimRetryDelayMs(1, unreachable, () => 0)).toBe(CLAIM_BACKOFF.baseMs / 2);
    expect(claimRetryDelayMs(1, unreachable, () => 1)).toBe(CLAIM_BACKOFF.baseMs);
    expect(claimRetryDelayMs(3, unreachable, () => 1)).toBe(CLAIM_BACKOFF.baseMs * 4);
    expect(claimRetryDelayMs(50, unreachable, () => 1)).toBe(CLAIM_BACKOFF.maxMs);
  });
});

describe('leaseRenewalIntervalMs', () => {
  it('renews three times per lease, measured on the server clock', () => {
    expect(leaseRenewalIntervalMs({ started_at: '2026-01-01T10:00:00.000Z', lease_expires_at: '2026-01-01T10:01:00.000Z' })).toBe(20_000);
    expect(leaseRenewalIntervalMs({ started_at: '2026-01-01T10:00:00.000+02:00', lease_expires_at: '2026-01-01T08:00:03.000Z' })).toBe(1_000);
  });

  it('stays within bounds, and has a default without a lease', () => {
    expect(leaseRenewalIntervalMs({ started_at: '2026-01-01T10:00:00.000Z', lease_expires_at: '2026-01-01T10:00:00.100Z' })).toBe(200);
    expect(leaseRenewalIntervalMs({ started_at: '2026-01-01T10:00:00.000Z', lease_expires_at: '2026-01-01T11:00:00.000Z' })).toBe(60_000);
    expect(leaseRenewalIntervalMs({ started_at: null, lease_expires_at: null })).toBe(20_000);
  });
});
