import { countsByStatus, fillBuckets, queueByPriority, statsWindow } from './task-stats';

describe('task statistics', () => {
  it('cover the last hour in whole minutes, the current minute last', () => {
    const window = statsWindow(new Date('2026-01-01T10:30:42.500Z'), 60, 60);
    expect(window.from.toISOString()).toBe('2026-01-01T09:31:00.000Z');
    const buckets = fillBuckets(window, []);
    expect(buckets).toHaveLength(60);
    expect(buckets[59].start).toBe('2026-01-01T10:30:00.000Z');
  });

  it('fill the buckets with what SQL counted and zeros elsewhere, ignoring indexes outside the window', () => {
    const window = statsWindow(new Date('2026-01-01T00:02:30Z'), 60, 3);
    expect(
      fillBuckets(window, [
        { bucket: 0, created: 2, completed: 0, failed: 0 },
        { bucket: 2, created: 1, completed: 4, failed: 1 },
        { bucket: 3, created: 9, completed: 9, failed: 9 },
        { bucket: -1, created: 9, completed: 9, failed: 9 },
      ]),
    ).toEqual([
      { start: '2026-01-01T00:00:00.000Z', created: 2, completed: 0, failed: 0 },
      { start: '2026-01-01T00:01:00.000Z', created: 0, completed: 0, failed: 0 },
      { start: '2026-01-01T00:02:00.000Z', created: 1, completed: 4, failed: 1 },
    ]);
  });

  it('count every state, 0 for those with no task', () => {
    const counts = countsByStatus([{ status: 'queued', count: 3 }]);
    expect(Object.keys(counts)).toHaveLength(10);
    expect(counts).toMatchObject({ queued: 3, completed: 0, dead_lettered: 0 });
  });

  it('give the queue per priority from 10 down with the oldest task’s age', () => {
    const now = new Date('2026-01-01T00:10:00Z');
    const queue = queueByPriority(
      [
        { priority: 3, count: 2, oldest: new Date('2026-01-01T00:05:00Z') },
        { priority: 9, count: 1, oldest: new Date('2026-01-01T00:09:00Z') },
      ],
      now,
    );
    expect(queue.depth).toBe(3);
    expect(queue.oldest_queued_at).toBe('2026-01-01T00:05:00.000Z');
    expect(queue.by_priority.map((level) => level.priority)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(queue.by_priority[1]).toEqual({ priority: 9, count: 1, oldest_queued_at: '2026-01-01T00:09:00.000Z', oldest_age_ms: 60_000 });
    expect(queue.by_priority[0]).toEqual({ priority: 10, count: 0, oldest_queued_at: null, oldest_age_ms: null });
  });
});
