// An open-loop load generator: call i is due at start + i / rate and is sent then, whether or not
// earlier calls have been answered, so a slow system faces the same arrivals as a fast one and
// its queueing shows up in the latency. Latency runs from the call's *scheduled* time (not from
// when the generator got round to it), so a late generator cannot hide a slow system either; the
// generator's own lateness is reported separately as `sendLagMs`.
import { setTimeout as delay } from 'node:timers/promises';

/** Epoch milliseconds with sub-millisecond resolution, comparable with database timestamps. */
export const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Calls `send(index, scheduledEpochMs)` at `rate` per second for `durationMs`; `send` resolves
 * with `{ ok, status }` once its answer is complete. Resolves with one record per call once all
 * are answered or `drainTimeoutMs` after the last was sent (those left count as `unanswered`).
 */
export async function openLoop({ rate, durationMs, send, drainTimeoutMs = 30_000 }) {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const intervalMs = 1000 / rate;
  const records = new Array(total);
  const pending = new Set();
  const start = performance.now() + 5;
  let next = 0;
  let closed = false;

  const dispatch = (index, now) => {
    const scheduled = start + index * intervalMs;
    const sendLagMs = now - scheduled;
    const settle = (outcome) => {
      if (closed) return; // answered after the drain deadline: already counted as unanswered
      records[index] = { ...outcome, scheduledAt: performance.timeOrigin + scheduled, sendLagMs, latencyMs: performance.now() - scheduled };
    };
    const call = Promise.resolve()
      .then(() => send(index, performance.timeOrigin + scheduled))
      .then(settle, (error) => settle({ ok: false, status: error.code ?? error.name ?? 'error' }))
      .finally(() => pending.delete(call));
    pending.add(call);
  };

  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Timers fire late on a busy machine: everything that became due meanwhile goes out now.
      while (next < total && start + next * intervalMs <= now) dispatch(next++, now);
      if (next < total) setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
      else resolve();
    };
    tick();
  });
  const lastSentAt = performance.now();
  const drain = Promise.all([...pending]);
  const timeout = new AbortController();
  await Promise.race([drain, delay(drainTimeoutMs, undefined, { signal: timeout.signal }).catch(() => undefined)]);
  timeout.abort();
  closed = true;
  for (let index = 0; index < total; index += 1) {
    records[index] ??= { ok: false, status: 'unanswered', scheduledAt: performance.timeOrigin + start + index * intervalMs, sendLagMs: null, latencyMs: null };
  }
  return { records, startedAt: performance.timeOrigin + start, sendSeconds: (lastSentAt - start) / 1000, finishedAt: epochNow() };
}
