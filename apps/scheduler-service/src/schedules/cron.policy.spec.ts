import { canonicalTimeZone, cronProblems, nextFireTime, previousFireTime, shortestGapSeconds, type CronSpec } from './cron.policy';

const berlin = (expression: string): CronSpec => ({ expression, timeZone: 'Europe/Berlin' });

/** The next `count` fire times after `from`, as ISO strings. */
function fireTimes(spec: CronSpec, from: string, count: number): string[] {
  const times: string[] = [];
  let cursor = new Date(from);
  for (let i = 0; i < count; i += 1) {
    const next = nextFireTime(spec, cursor);
    times.push(next.toISOString());
    cursor = next;
  }
  return times;
}

describe('cron policy', () => {
  describe('validation', () => {
    it('accepts 5- and 6-field expressions in an IANA zone', () => {
      expect(cronProblems({ expression: '*/5 * * * *', timeZone: 'UTC' })).toEqual([]);
      expect(cronProblems({ expression: '30 0 9 * * 1-5', timeZone: 'America/New_York' })).toEqual([]);
    });

    it('explains a wrong number of fields', () => {
      expect(cronProblems({ expression: '* * *', timeZone: 'UTC' })).toEqual([{ field: 'cron_expression', message: expect.stringMatching(/has 3 field\(s\); expected 5 .* or 6/) }]);
      expect(cronProblems({ expression: '0 0 1 1 * 2030 x', timeZone: 'UTC' })[0].field).toBe('cron_expression');
    });

    it.each([
      ['61 * * * *', /expected range 0-59/],
      ['0 0 31 4 *', /day of month/],
      ['*/0 * * * *', /every 0/],
      ['0 0 * * mon-funday', /./],
    ])('explains why %s is not valid', (expression, reason) => {
      const [problem] = cronProblems({ expression, timeZone: 'UTC' });
      expect(problem).toEqual({ field: 'cron_expression', message: expect.stringMatching(reason) });
    });

    it.each(['Mars/Olympus', '+01:00', 'Local', '', 'Europe/Berlin; DROP'])('refuses %p as a time zone', (timeZone) => {
      expect(canonicalTimeZone(timeZone)).toBeUndefined();
      expect(cronProblems({ expression: '* * * * *', timeZone })).toContainEqual({ field: 'time_zone', message: expect.stringContaining('not an IANA time zone') });
    });

    it('canonicalises zone names', () => {
      expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
      expect(canonicalTimeZone('UTC')).toBe('UTC');
    });
  });

  describe('fire times', () => {
    it('are strictly after the given instant, with second precision for 6 fields', () => {
      expect(fireTimes({ expression: '* * * * * *', timeZone: 'UTC' }, '2026-01-01T00:00:05.000Z', 2)).toEqual(['2026-01-01T00:00:06.000Z', '2026-01-01T00:00:07.000Z']);
      expect(previousFireTime({ expression: '* * * * * *', timeZone: 'UTC' }, new Date('2026-01-01T00:00:05.000Z')).toISOString()).toBe('2026-01-01T00:00:04.000Z');
    });

    it('follow local time in the zone (09:00 Berlin is 08:00Z in winter, 07:00Z in summer)', () => {
      expect(fireTimes(berlin('0 9 * * *'), '2026-03-28T12:00:00Z', 2)).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    });
  });

  describe('DST in Europe/Berlin', () => {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z). 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00Z).
    it('spring: a daily time inside the gap fires once, shifted forward by the gap', () => {
      expect(fireTimes(berlin('30 2 * * *'), '2026-03-27T12:00:00Z', 3)).toEqual([
        '2026-03-28T01:30:00.000Z', // 02:30 CET
        '2026-03-29T01:30:00.000Z', // 02:30 does not exist: 03:30 CEST
        '2026-03-30T00:30:00.000Z', // 02:30 CEST
      ]);
    });

    it('spring: an hourly schedule has no run for the missing hour and no double run after it', () => {
      expect(fireTimes(berlin('0 * * * *'), '2026-03-28T23:30:00Z', 4)).toEqual([
        '2026-03-29T00:00:00.000Z', // 01:00 CET
        '2026-03-29T01:00:00.000Z', // 03:00 CEST
        '2026-03-29T02:00:00.000Z', // 04:00 CEST
        '2026-03-29T03:00:00.000Z',
      ]);
    });

    it('spring: a skipped hour in a list merges with the next listed hour into one fire', () => {
      expect(fireTimes(berlin('0 1-3 * * *'), '2026-03-28T12:00:00Z', 3)).toEqual([
        '2026-03-29T00:00:00.000Z', // 01:00 CET
        '2026-03-29T01:00:00.000Z', // 02:00 (missing) and 03:00 CEST: one fire
        '2026-03-29T23:00:00.000Z', // 01:00 CEST next day
      ]);
    });

    it('autumn: a daily time inside the repeated hour fires once, at its first occurrence', () => {
      expect(fireTimes(berlin('30 2 * * *'), '2026-10-23T12:00:00Z', 3)).toEqual([
        '2026-10-24T00:30:00.000Z', // 02:30 CEST
        '2026-10-25T00:30:00.000Z', // 02:30 CEST, first pass; not again at 01:30Z (02:30 CET)
        '2026-10-26T01:30:00.000Z', // 02:30 CET
      ]);
      expect(fireTimes(berlin('0 30 2 * * *'), '2026-10-25T00:00:00Z', 1)).toEqual(['2026-10-25T00:30:00.000Z']);
    });

    it('autumn: listed hours fire once each; every-n-minutes keeps its rhythm through both passes', () => {
      expect(fireTimes(berlin('0 1-3 * * *'), '2026-10-24T12:00:00Z', 3)).toEqual([
        '2026-10-24T23:00:00.000Z', // 01:00 CEST
        '2026-10-25T00:00:00.000Z', // 02:00 CEST (the repeated 02:00 CET is not fired again)
        '2026-10-25T02:00:00.000Z', // 03:00 CET
      ]);
      expect(fireTimes(berlin('*/30 * * * *'), '2026-10-24T23:45:00Z', 5)).toEqual([
        '2026-10-25T00:00:00.000Z', // 02:00 CEST
        '2026-10-25T00:30:00.000Z', // 02:30 CEST
        '2026-10-25T01:00:00.000Z', // 02:00 CET
        '2026-10-25T01:30:00.000Z', // 02:30 CET
        '2026-10-25T02:00:00.000Z', // 03:00 CET
      ]);
    });
  });

  describe('shortest gap', () => {
    it.each([
      ['* * * * * *', 1],
      ['*/5 * * * *', 300],
      ['0 9 * * *', 82_800], // the 23-hour day of the spring change (29 March) is within the sample
      ['0 0 * * 1,2', 86_400],
      ['0,1 0 * * *', 60],
    ])('of %s is %i s', (expression, seconds) => {
      expect(shortestGapSeconds(berlin(expression), new Date('2026-03-25T00:00:00Z'))).toBe(seconds);
    });
  });
});
