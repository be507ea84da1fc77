import { MINUTE_MS, SECOND_MS, type WindowLimits, type WindowVerdict } from './sliding-window';

/** The times (ms) of a key's admitted requests still in its windows, oldest first. */
export interface WindowLogs {
  minute: number[];
  second: number[];
}

/**
 * One request against a key's logs at `now`: the in-process twin of the Redis script
 * (`sliding-window.lua.ts`), step for step, so both give the same answers. Drops the times that
 * left the windows and, when the request is admitted, records it.
 */
export function consumeWindow(logs: WindowLogs, limits: WindowLimits, now: number): WindowVerdict {
  const perSecond = limits.perSecond ?? 0;
  const minuteWait = inspect(logs.minute, MINUTE_MS, limits.perMinute, now);
  const secondWait = perSecond > 0 ? inspect(logs.second, SECOND_MS, perSecond, now) : 0;
  const count = logs.minute.length;
  const resetMs = count === 0 ? MINUTE_MS : logs.minute[0] + MINUTE_MS - now;
  if (minuteWait > 0 || secondWait > 0) {
    return { admitted: false, remaining: Math.max(limits.perMinute - count, 0), resetMs, retryAfterMs: Math.max(minuteWait, secondWait) };
  }
  insertInOrder(logs.minute, now);
  if (perSecond > 0) insertInOrder(logs.second, now);
  return { admitted: true, remaining: limits.perMinute - count - 1, resetMs, retryAfterMs: 0 };
}

/** Drops the times at or before `now - size`; when the log is full, how long until it frees a slot. */
function inspect(log: number[], size: number, limit: number, now: number): number {
  let expired = 0;
  while (expired < log.length && log[expired] <= now - size) expired++;
  log.splice(0, expired);
  if (log.length < limit) return 0;
  return Math.max(log[log.length - limit] + size - now, 1);
}

/** Appends `time`, keeping the log sorted should the clock have stepped back. */
function insertInOrder(log: number[], time: number): void {
  let index = log.length;
  while (index > 0 && log[index - 1] > time) index--;
  log.splice(index, 0, time);
}
