import { consumeWindow, type WindowLogs } from './sliding-window-log';

const T = 1_700_000_000_000;
const empty = (): WindowLogs => ({ minute: [], second: [] });

describe('consumeWindow (the sliding-window arithmetic, as the Redis script does it)', () => {
  it('admits up to the limit, counting down, then refuses until the oldest request leaves the minute', () => {
    const logs = empty();
    const limits = { perMinute: 3 };
    expect(consumeWindow(logs, limits, T)).toEqual({ admitted: true, remaining: 2, resetMs: 60_000, retryAfterMs: 0 });
    expect(consumeWindow(logs, limits, T + 10_000)).toEqual({ admitted: true, remaining: 1, resetMs: 50_000, retryAfterMs: 0 });
    expect(consumeWindow(logs, limits, T + 20_000)).toEqual({ admitted: true, remaining: 0, resetMs: 40_000, retryAfterMs: 0 });
    expect(consumeWindow(logs, limits, T + 30_000)).toEqual({ admitted: false, remaining: 0, resetMs: 30_000, retryAfterMs: 30_000 });
    expect(logs.minute).toEqual([T, T + 10_000, T + 20_000]);
  });

  it('lets a request leave the window exactly a minute after it was admitted', () => {
    const logs = empty();
    consumeWindow(logs, { perMinute: 1 }, T);
    expect(consumeWindow(logs, { perMinute: 1 }, T + 59_999)).toEqual({ admitted: false, remaining: 0, resetMs: 1, retryAfterMs: 1 });
    expect(consumeWindow(logs, { perMinute: 1 }, T + 60_000)).toEqual({ admitted: true, remaining: 0, resetMs: 60_000, retryAfterMs: 0 });
    expect(logs.minute).toEqual([T + 60_000]);
  });

  it('applies the burst limit within a second, answering with the shorter wait of the second window', () => {
    const logs = empty();
    const limits = { perMinute: 100, perSecond: 2 };
    consumeWindow(logs, limits, T);
    consumeWindow(logs, limits, T + 400);
    expect(consumeWindow(logs, limits, T + 500)).toEqual({ admitted: false, remaining: 98, resetMs: 59_500, retryAfterMs: 500 });
    expect(consumeWindow(logs, limits, T + 1_000)).toEqual({ admitted: true, remaining: 97, resetMs: 59_000, retryAfterMs: 0 });
    expect(logs.second).toEqual([T + 400, T + 1_000]);
  });

  it('waits for the longer of the two windows when both are full', () => {
    const logs = empty();
    const limits = { perMinute: 2, perSecond: 2 };
    consumeWindow(logs, limits, T);
    consumeWindow(logs, limits, T + 100);
    expect(consumeWindow(logs, limits, T + 200).retryAfterMs).toBe(59_800);
  });

  it('does not count refused requests, so retrying early does not extend the wait', () => {
    const logs = empty();
    consumeWindow(logs, { perMinute: 1 }, T);
    for (let i = 1; i <= 5; i++) expect(consumeWindow(logs, { perMinute: 1 }, T + i * 1_000).admitted).toBe(false);
    expect(logs.minute).toEqual([T]);
    expect(consumeWindow(logs, { perMinute: 1 }, T + 60_000).admitted).toBe(true);
  });

  it('waits at least a millisecond, and treats no burst limit (null or 0) as none', () => {
    const logs = empty();
    consumeWindow(logs, { perMinute: 1, perSecond: 0 }, T);
    expect(consumeWindow(logs, { perMinute: 1, perSecond: null }, T + 60_000 - 1).retryAfterMs).toBe(1);
    expect(logs.second).toEqual([]);
  });

  it('answers a key whose limit was lowered below its count from the right entry, never with a negative remainder', () => {
    const logs = empty();
    for (let i = 0; i < 5; i++) consumeWindow(logs, { perMinute: 10 }, T + i * 1_000);
    expect(consumeWindow(logs, { perMinute: 2 }, T + 5_000)).toEqual({ admitted: false, remaining: 0, resetMs: 55_000, retryAfterMs: 58_000 });
  });

  it('keeps the log in order when the clock steps back', () => {
    const logs = empty();
    consumeWindow(logs, { perMinute: 10 }, T + 5_000);
    consumeWindow(logs, { perMinute: 10 }, T + 2_000);
    expect(logs.minute).toEqual([T + 2_000, T + 5_000]);
    expect(consumeWindow(logs, { perMinute: 10 }, T + 6_000).resetMs).toBe(56_000);
  });
});
