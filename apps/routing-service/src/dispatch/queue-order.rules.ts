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

/**
 * Which of the tasks read so far may be dispatched before the queue is read further. A level of
 * which a full window was read (`readOfFullLevels`: that window's tasks of such levels) may hold
 * unread tasks; they come later in its FIFO order, so they rank at most as high as the lowest
 * ranked task read of that level. Tasks ranked below that could be overtaken by them and wait for
 * the next window; the rest are ready, in dispatch order.
 */
export function splitAtFrontier<T extends QueueEntryKey>(tasks: readonly T[], readOfFullLevels: readonly T[], now: Date, policy: AgeBoostPolicy): { ready: T[]; waiting: T[] } {
  const lowestRankByLevel = new Map<number, number>();
  for (const task of readOfFullLevels) {
    const rank = rankOf(task, now, policy);
    lowestRankByLevel.set(task.effectivePriority, Math.min(rank, lowestRankByLevel.get(task.effectivePriority) ?? rank));
  }
  const frontier = Math.max(Number.NEGATIVE_INFINITY, ...lowestRankByLevel.values());
  const ordered = inDispatchOrder(tasks, now, policy);
  return { ready: ordered.filter((task) => rankOf(task, now, policy) >= frontier), waiting: ordered.filter((task) => rankOf(task, now, policy) < frontier) };
}
