/**
 * The order of the dispatch queue. Each task's rank is its effective priority (1..10, raised by
 * priority inheritance) plus an age boost of one level per `boostIntervalMs` spent waiting,
 * capped at `maxBoost`. Higher rank first; equal ranks in queue order (FIFO), then by task id so
 * the order is total. With the default cap of 10 a priority-1 task waiting 10 intervals outranks
 * a fresh priority-10 task, so a steady stream of urgent work cannot starve anything forever.
 */
export interface AgeBoostPolicy {
  boostIntervalMs: number;
  maxBoost: number;
}

export interface QueueEntryKey {
  taskId: string;
  effectivePriority: number;
  queuedAt: Date;
}

export function ageBoost(queuedAt: Date, now: Date, policy: AgeBoostPolicy): number {
  const waitedMs = Math.max(0, now.getTime() - queuedAt.getTime());
  return Math.min(policy.maxBoost, Math.floor(waitedMs / policy.boostIntervalMs));
}

export function rankOf(entry: QueueEntryKey, now: Date, policy: AgeBoostPolicy): number {
  return entry.effectivePriority + ageBoost(entry.queuedAt, now, policy);
}

/** Sorts a copy of `entries` into dispatch order at time `now`. */
export function inDispatchOrder<T extends QueueEntryKey>(entries: readonly T[], now: Date, policy: AgeBoostPolicy): T[] {
  const ranked = entries.map((entry) => ({ entry, rank: rankOf(entry, now, policy) }));
  ranked.sort(
    (a, b) =>
      b.rank - a.rank ||
      a.entry.queuedAt.getTime() - b.entry.queuedAt.getTime() ||
      (a.entry.taskId < b.entry.taskId ? -1 : a.entry.taskId > b.entry.taskId ? 1 : 0),
  );
  return ranked.map(({ entry }) => entry);
}
