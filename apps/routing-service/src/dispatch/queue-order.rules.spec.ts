import { ageBoost, inDispatchOrder, splitAtFrontier, type AgeBoostPolicy } from './queue-order.rules';

const policy: AgeBoostPolicy = { boostIntervalMs: 30_000, maxBoost: 10 };
const now = new Date('2026-01-01T01:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const entry = (taskId: string, effectivePriority: number, waitedMs: number) => ({ taskId, effectivePriority, queuedAt: ago(waitedMs) });
const ids = (entries: { taskId: string }[]) => entries.map((e) => e.taskId);

describe('dispatch queue order', () => {
  it('serves the highest effective priority first', () => {
    expect(ids(inDispatchOrder([entry('p3', 3, 0), entry('p10', 10, 0), entry('p7', 7, 0)], now, policy))).toEqual(['p10', 'p7', 'p3']);
  });

  it('is FIFO within a priority, with the task id as a final tie-break', () => {
    expect(ids(inDispatchOrder([entry('second', 5, 1_000), entry('first', 5, 2_000), entry('b', 5, 500), entry('a', 5, 500)], now, policy))).toEqual(['first', 'second', 'a', 'b']);
  });

  it('adds one level per boost interval waited, capped', () => {
    expect(ageBoost(ago(29_999), now, policy)).toBe(0);
    expect(ageBoost(ago(30_000), now, policy)).toBe(1);
    expect(ageBoost(ago(95_000), now, policy)).toBe(3);
    expect(ageBoost(ago(86_400_000), now, policy)).toBe(10);
    expect(ageBoost(new Date(now.getTime() + 5_000), now, policy)).toBe(0);
  });

  it('lets an old low-priority task overtake fresh high-priority ones (no starvation)', () => {
    const old = entry('old-p1', 1, 10 * 30_000 + 1);
    expect(ids(inDispatchOrder([entry('fresh-p10', 10, 0), old], now, policy))).toEqual(['old-p1', 'fresh-p10']);
    // Before reaching rank 11 it still waits behind fresh priority-10 work.
    expect(ids(inDispatchOrder([entry('fresh-p10', 10, 0), entry('younger-p1', 1, 8 * 30_000)], now, policy))).toEqual(['fresh-p10', 'younger-p1']);
  });

  it('respects priority inheritance: a raised effective priority moves the task up', () => {
    expect(ids(inDispatchOrder([entry('p6', 6, 5_000), entry('inherited-9', 9, 0)], now, policy))).toEqual(['inherited-9', 'p6']);
  });

  it('does not boost at all with a cap of 0', () => {
    expect(ids(inDispatchOrder([entry('old', 1, 999_999_999), entry('new', 2, 0)], now, { boostIntervalMs: 1, maxBoost: 0 }))).toEqual(['new', 'old']);
  });
});

describe('tasks ready before the queue is read further', () => {
  it('are those no unread task of a fully read level can outrank', () => {
    const high = [entry('h1', 9, 2_000), entry('h2', 9, 1_000)];
    const low = [entry('l1', 2, 90_000), entry('l2', 2, 60_000)];
    // Both levels filled their window: unread priority-9 tasks rank 9, above both low ones (2 + 3 and 2 + 2).
    const { ready, waiting } = splitAtFrontier([...low, ...high], [...high, ...low], now, policy);
    expect(ids(ready)).toEqual(['h1', 'h2']);
    expect(ids(waiting)).toEqual(['l1', 'l2']);
  });

  it('counts the age boost: an old task ranked above the frontier is ready', () => {
    const old = entry('old', 2, 300_000); // 2 + 10 levels of boost
    const { ready } = splitAtFrontier([old, entry('h', 9, 0)], [entry('h', 9, 0)], now, policy);
    expect(ids(ready)).toEqual(['old', 'h']);
  });

  it('are all of them, in dispatch order, when no level has more', () => {
    const { ready, waiting } = splitAtFrontier([entry('l', 2, 0), entry('h', 9, 0)], [], now, policy);
    expect(ids(ready)).toEqual(['h', 'l']);
    expect(waiting).toEqual([]);
  });
});
