import type { TaskStatsView, TaskStatus } from '@ains/contracts';

/** The last hour in whole minutes: the last bucket is the current minute, so far. */
export interface StatsWindow {
  from: Date;
  bucketMs: number;
  buckets: number;
}

export function statsWindow(now: Date, bucketSeconds: number, buckets: number): StatsWindow {
  const bucketMs = bucketSeconds * 1_000;
  const currentStart = Math.floor(now.getTime() / bucketMs) * bucketMs;
  return { from: new Date(currentStart - (buckets - 1) * bucketMs), bucketMs, buckets };
}

/** A count per bucket index as SQL grouped it; buckets with nothing are absent. */
export interface BucketCount {
  bucket: number;
  created: number;
  completed: number;
  failed: number;
}

/** Every bucket of the window, oldest first, with zeros where nothing happened; indexes outside the window are dropped. */
export function fillBuckets(window: StatsWindow, counts: readonly BucketCount[]): TaskStatsView['last_hour']['buckets'] {
  const filled = Array.from({ length: window.buckets }, (_, index) => ({ start: new Date(window.from.getTime() + index * window.bucketMs).toISOString(), created: 0, completed: 0, failed: 0 }));
  for (const count of counts) {
    const bucket = filled[count.bucket];
    if (!bucket) continue;
    bucket.created += count.created;
    bucket.completed += count.completed;
    bucket.failed += count.failed;
  }
  return filled;
}

export const ALL_STATUSES: readonly TaskStatus[] = ['pending', 'blocked', 'queued', 'assigned', 'running', 'completed', 'failed', 'timed_out', 'cancelled', 'dead_lettered'];

/** Every state, 0 where none was counted. */
export function countsByStatus(rows: readonly { status: TaskStatus; count: number }[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(ALL_STATUSES.map((status) => [status, 0])) as Record<TaskStatus, number>;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/** Queued tasks per effective priority, 10 down to 1, with the age of the oldest at `now`. */
export function queueByPriority(rows: readonly { priority: number; count: number; oldest: Date }[], now: Date): TaskStatsView['queue'] {
  const byLevel = new Map(rows.map((row) => [row.priority, row]));
  const by_priority = Array.from({ length: 10 }, (_, index) => {
    const priority = 10 - index;
    const row = byLevel.get(priority);
    return { priority, count: row?.count ?? 0, oldest_queued_at: row ? row.oldest.toISOString() : null, oldest_age_ms: row ? Math.max(0, now.getTime() - row.oldest.getTime()) : null };
  });
  const oldest = rows.reduce<Date | null>((min, row) => (min === null || row.oldest < min ? row.oldest : min), null);
  return { depth: rows.reduce((sum, row) => sum + row.count, 0), oldest_queued_at: oldest?.toISOString() ?? null, by_priority };
}
