import { clampScore, INITIAL_SCORE_BP, tierOf, toScore } from './trust-rules';

describe('trust rules', () => {
  it('starts every agent at 0.5', () => {
    expect(toScore(INITIAL_SCORE_BP)).toBe(0.5);
  });

  it('keeps scores inside [0, 1] in basis points', () => {
    expect(clampScore(-120)).toBe(0);
    expect(clampScore(10_200)).toBe(10_000);
    expect(clampScore(7_345)).toBe(7_345);
  });

  it('reaches exactly 1.0 after fifty +0.02 steps from 0.5', () => {
    let score = INITIAL_SCORE_BP;
    for (let i = 0; i < 50; i += 1) score = clampScore(score + 200);
    expect(toScore(score)).toBe(1);
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
  ])('puts %i bp in tier %s', (scoreBp, tier) => {
    expect(tierOf(scoreBp)).toBe(tier);
  });
});
