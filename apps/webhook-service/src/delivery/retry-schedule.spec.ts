import { nextRetryDelayMs, parseDuration, parseDurationList } from './retry-schedule';

describe('retry schedule', () => {
  it('parses durations with units', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('5s')).toBe(5_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('5d')).toBe(432_000_000);
    expect(parseDuration('1.5s')).toBe(1_500);
    expect(parseDuration('5')).toBeUndefined();
    expect(parseDuration('-5s')).toBeUndefined();
  });

  it('parses the schedule list and rejects a malformed entry', () => {
    expect(parseDurationList('5s, 5m,30m')).toEqual([5_000, 300_000, 1_800_000]);
    expect(parseDurationList('5s,soon')).toBeUndefined();
  });

  it('follows the schedule and stops when it is exhausted', () => {
    const schedule = [5_000, 300_000, 1_800_000];
    const middle = () => 0.5;
    expect(nextRetryDelayMs(schedule, 1, 0.2, middle)).toBe(5_000);
    expect(nextRetryDelayMs(schedule, 2, 0.2, middle)).toBe(300_000);
    expect(nextRetryDelayMs(schedule, 3, 0.2, middle)).toBe(1_800_000);
    expect(nextRetryDelayMs(schedule, 4, 0.2, middle)).toBeNull();
  });

  it('spreads each delay by the jitter fraction in both directions', () => {
    expect(nextRetryDelayMs([10_000], 1, 0.2, () => 0)).toBe(8_000);
    expect(nextRetryDelayMs([10_000], 1, 0.2, () => 0.999_999)).toBe(12_000);
    expect(nextRetryDelayMs([10_000], 1, 0, () => 0)).toBe(10_000);
  });
});
