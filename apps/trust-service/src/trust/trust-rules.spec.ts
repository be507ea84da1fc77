import {
  applyOverride,
  applyTaskOutcome,
  BONUS_MIN_TASKS,
  BONUS_WINDOW_SIZE,
  clampScore,
  INITIAL_SCORE_BP,
  qualifiesForBonus,
  recordOutcome,
  successRate,
  tierOf,
  tierRange,
  toScore,
  type ScoreState,
  type TaskOutcome,
} from './trust-rules';

const fresh = (): ScoreState => ({ scoreBp: INITIAL_SCORE_BP, window: '' });

function replay(outcomes: TaskOutcome[], from: ScoreState = fresh()): ScoreState {
  return outcomes.reduce<ScoreState>((state, outcome) => applyTaskOutcome(state, outcome), from);
}

const times = (count: number, outcome: TaskOutcome): TaskOutcome[] => Array.from({ length: count }, () => outcome);

describe('trust rules', () => {
  it('starts every agent at 0.5', () => {
    expect(toScore(INITIAL_SCORE_BP)).toBe(0.5);
  });

  it('keeps scores inside [0, 1] in basis points', () => {
    expect(clampScore(-120)).toBe(0);
    expect(clampScore(10_200)).toBe(10_000);
    expect(clampScore(7_345)).toBe(7_345);
  });

  it('applies the seed adjustments: completed +0.02, failed -0.05, timed out -0.03', () => {
    expect(applyTaskOutcome(fresh(), 'completed')).toMatchObject({ scoreBp: 5_200, deltaBp: 200, bonusApplied: false, reason: 'task completed +0.02' });
    expect(applyTaskOutcome(fresh(), 'failed')).toMatchObject({ scoreBp: 4_500, deltaBp: -500, reason: 'task failed -0.05' });
    expect(applyTaskOutcome(fresh(), 'timed_out')).toMatchObject({ scoreBp: 4_700, deltaBp: -300, reason: 'task timed out -0.03' });
  });

  it('reaches exactly 1.0 after fifty +0.02 steps from 0.5', () => {
    let score = INITIAL_SCORE_BP;
    for (let i = 0; i < 50; i += 1) score = clampScore(score + 200);
    expect(toScore(score)).toBe(1);
  });

  it('reads exactly 1.0 after fifty successful tasks from 0.5, bonus included', () => {
    const state = replay(times(50, 'completed'));
    expect(state.scoreBp).toBe(10_000);
    expect(toScore(state.scoreBp)).toBe(1);
  });

  it('reaches exactly 0 and stays there, recording a zero delta at the bound', () => {
    const state = replay(times(10, 'failed'));
    expect(state.scoreBp).toBe(0);
    const again = applyTaskOutcome(state, 'timed_out');
    expect(again).toMatchObject({ scoreBp: 0, deltaBp: 0 });
    expect(again.reason).toContain('clamped to 0');
  });

  it('clamps at 1.0 and reports the actual change', () => {
    const change = applyTaskOutcome({ scoreBp: 9_900, window: '' }, 'completed');
    expect(change).toMatchObject({ scoreBp: 10_000, deltaBp: 100 });
    expect(change.reason).toBe('task completed +0.02, clamped to 1');
  });

  describe('performance bonus', () => {
    it('needs at least 20 finished tasks in the window', () => {
      const nineteen = replay(times(BONUS_MIN_TASKS - 1, 'completed'), { scoreBp: 0, window: '' });
      expect(nineteen.scoreBp).toBe(19 * 200);
      const twentieth = applyTaskOutcome(nineteen, 'completed');
      expect(twentieth).toMatchObject({ deltaBp: 300, bonusApplied: true });
      expect(twentieth.reason).toBe('task completed +0.02, performance bonus +0.01 (20/20 of the last finished tasks succeeded)');
    });

    it('needs a success rate strictly above 0.95', () => {
      // 19 of 20 is exactly 0.95: no bonus. 20 of 21 (0.952...) earns it.
      const window = '0' + '1'.repeat(18);
      expect(applyTaskOutcome({ scoreBp: 0, window }, 'completed').bonusApplied).toBe(false);
      expect(applyTaskOutcome({ scoreBp: 0, window: window + '1' }, 'completed').bonusApplied).toBe(true);
    });

    it('is never added to a failure, whatever the rate', () => {
      const window = '1'.repeat(BONUS_WINDOW_SIZE);
      expect(applyTaskOutcome({ scoreBp: 5_000, window }, 'failed')).toMatchObject({ deltaBp: -500, bonusApplied: false });
    });

    it('looks only at the last 100 finished tasks', () => {
      // Ten failures long ago drop out of the window once 100 newer tasks have finished.
      let window = '0'.repeat(10) + '1'.repeat(90);
      expect(qualifiesForBonus(recordOutcome(window, true))).toBe(false);
      for (let i = 0; i < 10; i += 1) window = recordOutcome(window, true);
      expect(window).toHaveLength(BONUS_WINDOW_SIZE);
      expect(window).toBe('1'.repeat(BONUS_WINDOW_SIZE));
      expect(qualifiesForBonus(window)).toBe(true);
    });
  });

  it('reports the success rate of the window, or null before any task', () => {
    expect(successRate('')).toBeNull();
    expect(successRate('1101')).toBe(0.75);
  });

  it('overrides by setting or shifting the score, clamped', () => {
    expect(applyOverride(5_000, { kind: 'set', scoreBp: 9_100 })).toBe(9_100);
    expect(applyOverride(5_000, { kind: 'delta', deltaBp: -1_200 })).toBe(3_800);
    expect(applyOverride(9_500, { kind: 'delta', deltaBp: 1_000 })).toBe(10_000);
    expect(applyOverride(500, { kind: 'delta', deltaBp: -1_000 })).toBe(0);
  });

  it.each([
    [10_000, 'excellent'],
    [9_000, 'excellent'],
    [8_999, 'good'],
    [7_000, 'good'],
    [6_999, 'average'],
    [5_000, 'average'],
    [4_999, 'below_average'],
    [3_000, 'below_average'],
    [2_999, 'poor'],
    [0, 'poor'],
  ] as const)('puts %i bp in tier %s, inside that tier’s range', (scoreBp, tier) => {
    expect(tierOf(scoreBp)).toBe(tier);
    const { minBp, maxBp } = tierRange(tier);
    expect(scoreBp >= minBp && scoreBp <= maxBp).toBe(true);
  });
});
