import { AinsApiError } from '@ains/sdk';
import { afterFailedDelivery } from './delivery-policy';

const answer = (status: number, retryAfter?: string) => new AinsApiError(status, { title: 'x' }, new Headers(retryAfter ? { 'retry-after': retryAfter } : {}));
const half = () => 0.5;

describe('afterFailedDelivery', () => {
  it('waits out a rate limit for as long as Retry-After asks, however long', () => {
    expect(afterFailedDelivery(answer(429, '900'), 1, 10, half)).toEqual({ kind: 'retry', afterMs: 900_000 });
    expect(afterFailedDelivery(answer(503, '2'), 7, 10, half)).toEqual({ kind: 'retry', afterMs: 2_000 });
  });

  it('retries outages and transport failures with a short capped backoff', () => {
    expect(afterFailedDelivery(new TypeError('fetch failed'), 1, 1, half)).toEqual({ kind: 'retry', afterMs: 188 });
    expect(afterFailedDelivery(answer(502), 30, 1, half)).toEqual({ kind: 'retry', afterMs: 3_750 });
    expect(afterFailedDelivery(answer(500), 2, 1, half)).toEqual({ kind: 'retry', afterMs: 375 });
  });

  it('narrows a refused request down to single reports, then refuses the one at fault', () => {
    expect(afterFailedDelivery(answer(400), 1, 5)).toEqual({ kind: 'split' });
    expect(afterFailedDelivery(answer(413), 1, 2)).toEqual({ kind: 'split' });
    expect(afterFailedDelivery(answer(400), 1, 1)).toEqual({ kind: 'refuse' });
  });

  it('refuses every report when the key itself is refused', () => {
    expect(afterFailedDelivery(answer(401), 1, 5)).toEqual({ kind: 'refuse' });
    expect(afterFailedDelivery(answer(403), 1, 5)).toEqual({ kind: 'refuse' });
  });
});
