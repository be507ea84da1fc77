import { nextFireTime, previousFireTime, type CronSpec } from './cron.policy';

export type OverlapPolicy = 'allow' | 'skip';
export type MisfirePolicy = 'fire_once' | 'skip';

/** A due schedule as the firing loop sees it, with the clock reading of this round. */
export interface DueSchedule {
  cron: CronSpec;
  /** The intended fire time that made the schedule due (its stored next_run_at, <= now). */
  nextRunAt: Date;
  endAt: Date | null;
  maxRuns: number | null;
  /** Runs fired so far, manual triggers included. */
  runCount: number;
  overlapPolicy: OverlapPolicy;
  misfirePolicy: MisfirePolicy;
  /** A previous run's task has not reached a terminal state yet. */
  hasOpenRun: boolean;
}

export interface FiringSettings {
  /** Fire times later than this are misfires, handled by the misfire policy. */
  misfireThresholdMs: number;
  /** At most this many runs per schedule per round; the rest stay due for the next round. */
  maxRunsPerRound: number;
}

export interface PlannedRun {
  fireTime: Date;
  /** `fire`: publish the fired event; `skip_overlap`: record the run as skipped, publish nothing. */
  action: 'fire' | 'skip_overlap';
  /** For a run standing for several missed fire times: the earliest of them. */
  missedSince: Date | null;
}

export interface FiringPlan {
  runs: PlannedRun[];
  /** Where the schedule continues; null when it is exhausted (end_at passed or max_runs reached). */
  nextRunAt: Date | null;
}

/**
 * Decides what a due schedule does at `now`: which fire times become runs and where it goes next.
 *
 * - Fire times at most `misfireThresholdMs` late are on time: each becomes its own run.
 * - Older ones were missed (no scheduler ran). `fire_once` turns all of them into ONE run, for the
 *   latest missed fire time; `skip` drops them. Never a burst of every missed run.
 * - Overlap `skip`: while a previous run's task is open, a fire time is recorded as skipped.
 * - No fire time after end_at, no run beyond max_runs.
 */
export function planFiring(schedule: DueSchedule, now: Date, settings: FiringSettings): FiringPlan {
  const runs: PlannedRun[] = [];
  let runCount = schedule.runCount;
  let open = schedule.hasOpenRun;
  const withinWindow = (time: Date) => (!schedule.endAt || time <= schedule.endAt) && (schedule.maxRuns === null || runCount < schedule.maxRuns);
  const add = (fireTime: Date, missedSince: Date | null) => {
    if (schedule.overlapPolicy === 'skip' && open) {
      runs.push({ fireTime, action: 'skip_overlap', missedSince });
      return;
    }
    runs.push({ fireTime, action: 'fire', missedSince });
    runCount += 1;
    open = true;
  };

  let cursor = schedule.nextRunAt;
  const onTimeFrom = new Date(now.getTime() - settings.misfireThresholdMs);
  if (cursor < onTimeFrom) {
    // Everything before onTimeFrom (and not after end_at) was missed.
    const missedUntil = schedule.endAt && schedule.endAt < onTimeFrom ? new Date(schedule.endAt.getTime() + 1) : onTimeFrom;
    const latestMissed = new Date(Math.max(previousFireTime(schedule.cron, missedUntil).getTime(), cursor.getTime()));
    if (schedule.misfirePolicy === 'fire_once' && withinWindow(latestMissed)) {
      add(latestMissed, latestMissed.getTime() === cursor.getTime() ? null : cursor);
    }
    cursor = nextFireTime(schedule.cron, latestMissed);
  }

  while (cursor <= now && withinWindow(cursor) && runs.length < settings.maxRunsPerRound) {
    add(cursor, null);
    cursor = nextFireTime(schedule.cron, cursor);
  }
  return { runs, nextRunAt: withinWindow(cursor) ? cursor : null };
}

/**
 * The first fire time of a schedule that starts (or restarts) at `now`: strictly after now, not
 * before start_at, not after end_at, and none once max_runs are used up.
 */
export function firstFireTime(cron: CronSpec, now: Date, window: { startAt: Date | null; endAt: Date | null; maxRuns: number | null; runCount: number }): Date | null {
  if (window.maxRuns !== null && window.runCount >= window.maxRuns) return null;
  const after = window.startAt && window.startAt > now ? new Date(window.startAt.getTime() - 1) : now;
  const next = nextFireTime(cron, after);
  if (window.endAt && next > window.endAt) return null;
  return next;
}
