import { CompletionTimes, nextAverage } from './completion-times';

function applyFold(fold: { factor: number; offset: number; ifNoAverage: number }, average: number | null): number {
  return average === null ? fold.ifNoAverage : fold.factor * average + fold.offset;
}

describe('CompletionTimes', () => {
  const alpha = 0.2;

  it.each([
    ['an agent with an average', 400],
    ['an agent without one', null],
  ])('folds a run of completions into what applying them one by one gives (%s)', (_label, start) => {
    const durations = [120, 80, 300, 55, 1_000];
    const times = new CompletionTimes(alpha);
    for (const d of durations) times.add('a', d);
    const expected = durations.reduce<number | null>((average, d) => nextAverage(average, d, alpha), start);
    const [fold] = times.folds();
    expect(applyFold(fold, start)).toBeCloseTo(expected!, 9);
  });

  it('keeps agents apart', () => {
    const times = new CompletionTimes(alpha);
    times.add('a', 100);
    times.add('b', 900);
    times.add('a', 300);
    const byAgent = new Map(times.folds().map((fold) => [fold.agentId, fold]));
    expect(applyFold(byAgent.get('a')!, null)).toBeCloseTo(nextAverage(100, 300, alpha));
    expect(applyFold(byAgent.get('b')!, 50)).toBeCloseTo(nextAverage(50, 900, alpha));
  });
});
