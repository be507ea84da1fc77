/** The scheduler's tuning, from its validated configuration (service.ts). */
export interface SchedulerSettings {
  /** How often each replica looks for due schedules when the previous round found few. */
  tickIntervalMs: number;
  /** Schedules claimed per transaction. */
  batchSize: number;
  /** Schedules firing more often than this are refused. */
  minIntervalSeconds: number;
  /** Fire times later than this are misfires (see the misfire policy). */
  misfireThresholdMs: number;
}

export const SCHEDULER_SETTINGS = Symbol('SCHEDULER_SETTINGS');

/** The time source of the firing loop and the API; tests may give their own. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
