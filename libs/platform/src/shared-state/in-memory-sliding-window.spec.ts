import { FakeClock } from './fake-clock';
import { InMemorySlidingWindowLimiter } from './in-memory-sliding-window';

describe('InMemorySlidingWindowLimiter', () => {
  let clock: FakeClock;

  beforeEach(() => {
    clock = new FakeClock();
  });

  it('counts each key on its own', async () => {
    const limiter = new InMemorySlidingWindowLimiter({ maxRequestsRemembered: 1_000 }, clock);
    expect((await limiter.consume('a', { perMinute: 1 })).admitted).toBe(true);
    expect((await limiter.consume('b', { perMinute: 1 })).admitted).toBe(true);
    expect(await limiter.consume('a', { perMinute: 1 })).toEqual({ admitted: false, remaining: 0, resetMs: 60_000, retryAfterMs: 60_000 });
  });

  it('admits again once the minute has passed', async () => {
    const limiter = new InMemorySlidingWindowLimiter({ maxRequestsRemembered: 1_000 }, clock);
    await limiter.consume('a', { perMinute: 2 });
    clock.advance(30_000);
    await limiter.consume('a', { perMinute: 2 });
    expect((await limiter.consume('a', { perMinute: 2 })).retryAfterMs).toBe(30_000);
    clock.advance(30_000);
    expect(await limiter.consume('a', { perMinute: 2 })).toEqual({ admitted: true, remaining: 0, resetMs: 30_000, retryAfterMs: 0 });
  });

  it('forgets a key a minute after its last admitted request', async () => {
    const limiter = new InMemorySlidingWindowLimiter({ maxRequestsRemembered: 1_000 }, clock);
    await limiter.consume('a', { perMinute: 5 });
    clock.advance(60_000);
    expect(await limiter.consume('a', { perMinute: 5 })).toEqual({ admitted: true, remaining: 4, resetMs: 60_000, retryAfterMs: 0 });
  });

  it('remembers at most the given number of request times, forgetting the least recently used keys', async () => {
    // Each key costs its request times plus one.
    const limiter = new InMemorySlidingWindowLimiter({ maxRequestsRemembered: 6 }, clock);
    await limiter.consume('a', { perMinute: 2 });
    await limiter.consume('a', { perMinute: 2 });
    await limiter.consume('b', { perMinute: 2 });
    await limiter.consume('c', { perMinute: 2 });
    expect((await limiter.consume('a', { perMinute: 2 })).admitted).toBe(true);
    expect((await limiter.consume('c', { perMinute: 2 })).remaining).toBe(0);
  });
});
