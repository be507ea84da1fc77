import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { InMemorySlidingWindowLimiter, RedisSlidingWindowLimiter, type SlidingWindowLimiter, type WindowLimits, type WindowVerdict } from '@ains/platform';
import { testEnv } from '@ains/testing';

/**
 * The Redis script and its in-process twin must answer alike: the same case table runs against
 * both. Redis's clock moves between requests, so times are checked as bounds; who is admitted and
 * what remains are exact.
 */
interface Case {
  name: string;
  limits: WindowLimits;
  expected: Pick<WindowVerdict, 'admitted' | 'remaining'>[];
  /** Bounds of the refused request's wait: about a minute, or at most a second for a burst. */
  retryAfterMs?: [number, number];
}

const ok = (remaining: number) => ({ admitted: true, remaining });
const refused = (remaining: number) => ({ admitted: false, remaining });

const cases: Case[] = [
  { name: 'counts down to the per-minute limit, then refuses', limits: { perMinute: 3 }, expected: [ok(2), ok(1), ok(0), refused(0), refused(0)], retryAfterMs: [30_000, 60_000] },
  { name: 'admits a single request under a limit of one', limits: { perMinute: 1, perSecond: null }, expected: [ok(0), refused(0)], retryAfterMs: [30_000, 60_000] },
  { name: 'applies the burst limit on top of the per-minute one', limits: { perMinute: 100, perSecond: 2 }, expected: [ok(99), ok(98), refused(98)], retryAfterMs: [1, 1_000] },
];

const implementations: { name: string; open(): { limiter: SlidingWindowLimiter; close(): void } }[] = [
  {
    name: 'Redis',
    open: () => {
      const redis = new Redis(testEnv.redisUrl);
      return { limiter: new RedisSlidingWindowLimiter(redis), close: () => redis.disconnect() };
    },
  },
  { name: 'in process', open: () => ({ limiter: new InMemorySlidingWindowLimiter({ maxRequestsRemembered: 10_000 }), close: () => undefined }) },
];

describe.each(implementations)('sliding-window limiter: $name', (implementation) => {
  let limiter: SlidingWindowLimiter;
  let close: () => void;
  const key = () => `test:rate:${randomUUID()}`;

  beforeAll(() => {
    ({ limiter, close } = implementation.open());
  });

  afterAll(() => close());

  it.each(cases)('$name', async ({ limits, expected, retryAfterMs }) => {
    const k = key();
    const verdicts: WindowVerdict[] = [];
    for (let i = 0; i < expected.length; i++) verdicts.push(await limiter.consume(k, limits));
    expect(verdicts.map(({ admitted, remaining }) => ({ admitted, remaining }))).toEqual(expected);
    for (const verdict of verdicts) {
      expect(verdict.resetMs).toBeGreaterThan(0);
      expect(verdict.resetMs).toBeLessThanOrEqual(60_000);
      if (verdict.admitted) expect(verdict.retryAfterMs).toBe(0);
      else {
        expect(verdict.retryAfterMs).toBeGreaterThanOrEqual(retryAfterMs![0]);
        expect(verdict.retryAfterMs).toBeLessThanOrEqual(retryAfterMs![1]);
      }
    }
    expect(verdicts[0].resetMs).toBe(60_000);
  });

  it('keeps keys independent', async () => {
    const [first, second] = [key(), key()];
    expect((await limiter.consume(first, { perMinute: 1 })).admitted).toBe(true);
    expect((await limiter.consume(second, { perMinute: 1 })).admitted).toBe(true);
    expect((await limiter.consume(first, { perMinute: 1 })).admitted).toBe(false);
  });
});
