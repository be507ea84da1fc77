import type { CandidateAgent } from './routing-strategy';
import { agent, task } from './test-factories';
import { TrustWeightedStrategy, type Random } from './trust-weighted.strategy';

/** A small seeded generator (mulberry32), so the statistical test is reproducible run to run. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Pearson's chi-square statistic of observed counts against expected probabilities. */
function chiSquare(observed: number[], probabilities: number[]): number {
  const total = observed.reduce((sum, n) => sum + n, 0);
  return observed.reduce((sum, n, i) => sum + (n - total * probabilities[i]) ** 2 / (total * probabilities[i]), 0);
}

/** Critical value of chi-square with 3 degrees of freedom at significance 0.001. */
const CHI_SQUARE_3DF_P001 = 16.266;
const SELECTIONS = 40_000;

function countSelections(select: (candidates: readonly CandidateAgent[]) => CandidateAgent, candidates: CandidateAgent[]): number[] {
  const counts = new Map(candidates.map((c) => [c.agentId, 0]));
  for (let i = 0; i < SELECTIONS; i += 1) {
    const chosen = select(candidates).agentId;
    counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
  }
  return candidates.map((c) => counts.get(c.agentId) ?? 0);
}

describe('trust_weighted selection frequencies (chi-square goodness of fit, significance 0.001)', () => {
  const candidates = [agent('a', { trustBp: 9_000 }), agent('b', { trustBp: 6_000 }), agent('c', { trustBp: 3_000 }), agent('d', { trustBp: 1_000 })];
  const weights = [9, 6, 3, 1].map((w) => w / 19);

  it.each([1, 2, 3])('matches the trust weights over 40 000 selections (seed %i)', (seed) => {
    const strategy = new TrustWeightedStrategy(seeded(seed));
    const observed = countSelections((c) => strategy.selectAgent(task(), c), candidates);
    expect(chiSquare(observed, weights)).toBeLessThan(CHI_SQUARE_3DF_P001);
  });

  it('has the power to reject a choice that ignores trust (a uniform pick fails the same test)', () => {
    const random = seeded(1);
    const observed = countSelections((c) => c[Math.floor(random() * c.length)], candidates);
    expect(chiSquare(observed, weights)).toBeGreaterThan(CHI_SQUARE_3DF_P001);
  });
});
