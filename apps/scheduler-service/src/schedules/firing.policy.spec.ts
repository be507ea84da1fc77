import { firstFireTime, planFiring, type DueSchedule, type FiringPlan } from './firing.policy';

const settings = { misfireThresholdMs: 60_000, maxRunsPerRound: 100 };
const at = (iso: string) => new Date(iso);

function due(overrides: Partial<DueSchedule> = {}): DueSchedule {
  return {
    cron: { expression: '* * * * *', timeZone: 'UTC' },
    nextRunAt: at('2026-05-01T12:00:00Z'),
    endAt: null,
    maxRuns: null,
    runCount: 0,
    overlapPolicy: 'allow',
    misfirePolicy: 'fire_once',
    hasOpenRun: false,
    ...overrides,
  };
}

/** The plan in ISO strings: `fire 12:00` / `skip 12:01` / `fire 11:59 (missed since 11:00)`. */
function describePlan(plan: FiringPlan): { runs: string[]; next: string | null } {
  return {
    runs: plan.runs.map((run) => `${run.action === 'fire' ? 'fire' : 'skip'} ${run.fireTime.toISOString()}${run.missedSince ? ` (missed since ${run.missedSince.toISOString()})` : ''}`),
    next: plan.nextRunAt?.toISOString() ?? null,
  };
}

describe('firing policy', () => {
  it('fires an on-time fire time once and moves to the next', () => {
    expect(describePlan(planFiring(due(), at('2026-05-01T12:00:00.200Z'), settings))).toEqual({ runs: ['fire 2026-05-01T12:00:00.000Z'], next: '2026-05-01T12:01:00.000Z' });
  });

  it('fires each fire time that is late but within the misfire threshold, in order', () => {
    const plan = planFiring(due({ cron: { expression: '* * * * * *', timeZone: 'UTC' } }), at('2026-05-01T12:00:02.500Z'), settings);
    expect(describePlan(plan)).toEqual({
      runs: ['fire 2026-05-01T12:00:00.000Z', 'fire 2026-05-01T12:00:01.000Z', 'fire 2026-05-01T12:00:02.000Z'],
      next: '2026-05-01T12:00:03.000Z',
    });
  });

  describe('misfire after downtime', () => {
    const afterAnHourDown = at('2026-05-01T13:00:30Z');
    const missedHour = { nextRunAt: at('2026-05-01T12:00:00Z') };

    it('fire_once: one run stands for all missed fire times, then on-time ones fire normally', () => {
      expect(describePlan(planFiring(due({ ...missedHour, misfirePolicy: 'fire_once' }), afterAnHourDown, settings))).toEqual({
        runs: ['fire 2026-05-01T12:59:00.000Z (missed since 2026-05-01T12:00:00.000Z)', 'fire 2026-05-01T13:00:00.000Z'],
        next: '2026-05-01T13:01:00.000Z',
      });
    });

    it('skip: missed fire times are dropped', () => {
      expect(describePlan(planFiring(due({ ...missedHour, misfirePolicy: 'skip' }), afterAnHourDown, settings))).toEqual({
        runs: ['fire 2026-05-01T13:00:00.000Z'],
        next: '2026-05-01T13:01:00.000Z',
      });
    });

    it('fire_once after days down on a daily schedule: one run, for the latest missed day', () => {
      const daily = due({ cron: { expression: '0 6 * * *', timeZone: 'Europe/Berlin' }, nextRunAt: at('2026-05-01T04:00:00Z') });
      expect(describePlan(planFiring(daily, at('2026-05-04T09:00:00Z'), settings))).toEqual({
        runs: ['fire 2026-05-04T04:00:00.000Z (missed since 2026-05-01T04:00:00.000Z)'],
        next: '2026-05-05T04:00:00.000Z',
      });
    });

    it('a single missed fire time is not marked as standing for others', () => {
      const daily = due({ cron: { expression: '0 6 * * *', timeZone: 'UTC' }, nextRunAt: at('2026-05-01T06:00:00Z') });
      expect(describePlan(planFiring(daily, at('2026-05-01T09:00:00Z'), settings)).runs).toEqual(['fire 2026-05-01T06:00:00.000Z']);
    });

    it('does not fire for missed times after end_at', () => {
      const ending = due({ ...missedHour, endAt: at('2026-05-01T12:30:00Z') });
      expect(describePlan(planFiring(ending, afterAnHourDown, settings))).toEqual({
        runs: ['fire 2026-05-01T12:30:00.000Z (missed since 2026-05-01T12:00:00.000Z)'],
        next: null,
      });
    });
  });

  describe('overlap', () => {
    it('allow: fires although the previous run is still open', () => {
      expect(describePlan(planFiring(due({ hasOpenRun: true }), at('2026-05-01T12:00:00Z'), settings)).runs).toEqual(['fire 2026-05-01T12:00:00.000Z']);
    });

    it('skip: records the fire time as skipped while the previous run is open', () => {
      const plan = planFiring(due({ hasOpenRun: true, overlapPolicy: 'skip' }), at('2026-05-01T12:00:00Z'), settings);
      expect(describePlan(plan)).toEqual({ runs: ['skip 2026-05-01T12:00:00.000Z'], next: '2026-05-01T12:01:00.000Z' });
    });

    it('skip: of several due fire times only the first fires, its run is then open', () => {
      const minutely = due({ overlapPolicy: 'skip', nextRunAt: at('2026-05-01T11:59:00Z') });
      expect(describePlan(planFiring(minutely, at('2026-05-01T12:00:30Z'), { ...settings, misfireThresholdMs: 120_000 })).runs).toEqual(['fire 2026-05-01T11:59:00.000Z', 'skip 2026-05-01T12:00:00.000Z']);
    });
  });

  describe('limits', () => {
    it('stops at max_runs and leaves no next fire time', () => {
      const plan = planFiring(due({ maxRuns: 5, runCount: 4, cron: { expression: '* * * * * *', timeZone: 'UTC' } }), at('2026-05-01T12:00:03Z'), settings);
      expect(describePlan(plan)).toEqual({ runs: ['fire 2026-05-01T12:00:00.000Z'], next: null });
    });

    it('skipped runs do not count toward max_runs', () => {
      const plan = planFiring(due({ maxRuns: 1, hasOpenRun: true, overlapPolicy: 'skip' }), at('2026-05-01T12:00:00Z'), settings);
      expect(describePlan(plan)).toEqual({ runs: ['skip 2026-05-01T12:00:00.000Z'], next: '2026-05-01T12:01:00.000Z' });
    });

    it('plans at most maxRunsPerRound runs and stays due for the rest', () => {
      const plan = planFiring(due({ cron: { expression: '* * * * * *', timeZone: 'UTC' } }), at('2026-05-01T12:00:30Z'), { ...settings, maxRunsPerRound: 2 });
      expect(describePlan(plan)).toEqual({ runs: ['fire 2026-05-01T12:00:00.000Z', 'fire 2026-05-01T12:00:01.000Z'], next: '2026-05-01T12:00:02.000Z' });
    });
  });

  describe('first fire time', () => {
    const cron = { expression: '0 * * * *', timeZone: 'UTC' };
    const now = at('2026-05-01T12:30:00Z');
    const open = { startAt: null, endAt: null, maxRuns: null, runCount: 0 };

    it('is the next fire time after now', () => {
      expect(firstFireTime(cron, now, open)?.toISOString()).toBe('2026-05-01T13:00:00.000Z');
    });

    it('is not before start_at, and may be start_at itself', () => {
      expect(firstFireTime(cron, now, { ...open, startAt: at('2026-05-02T00:00:00Z') })?.toISOString()).toBe('2026-05-02T00:00:00.000Z');
    });

    it('is none after end_at or once max_runs are used', () => {
      expect(firstFireTime(cron, now, { ...open, endAt: at('2026-05-01T12:59:59Z') })).toBeNull();
      expect(firstFireTime(cron, now, { ...open, maxRuns: 3, runCount: 3 })).toBeNull();
    });
  });
});
