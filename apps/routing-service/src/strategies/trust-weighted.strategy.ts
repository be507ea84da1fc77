import { byLastAssigned, type CandidateAgent, type CandidateScore, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/** A uniform random number in [0, 1). */
export type Random = () => number;

/**
 * Random choice with probability proportional to the trust score, so better-trusted agents get
 * more work while every agent with a non-zero score keeps getting some (and a chance to recover).
 * When every candidate scores 0 the choice is uniform.
 */
export class TrustWeightedStrategy implements RoutingStrategy {
  readonly name = 'trust_weighted';
  readonly description = 'Picks at random, weighted by trust score: an agent at 0.9 gets three times the work of one at 0.3.';

  constructor(private readonly random: Random = Math.random) {}

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    const total = candidates.reduce((sum, agent) => sum + agent.trustBp, 0);
    if (total === 0) return candidates[Math.min(candidates.length - 1, Math.floor(this.random() * candidates.length))];
    let point = this.random() * total;
    for (const agent of candidates) {
      point -= agent.trustBp;
      if (point < 0) return agent;
    }
    // Only reachable through floating point rounding at the very top of the range.
    return candidates.findLast((agent) => agent.trustBp > 0) ?? candidates[candidates.length - 1];
  }

  /** Most trusted first: the likeliest pick. */
  prefer(a: CandidateAgent, b: CandidateAgent): number {
    return b.trustBp - a.trustBp || byLastAssigned(a, b);
  }

  /** The chance this candidate had of being picked. */
  scorer(candidates: readonly CandidateAgent[]): (agent: CandidateAgent) => CandidateScore {
    const total = candidates.reduce((sum, candidate) => sum + candidate.trustBp, 0);
    return (agent) => ({ score: total === 0 ? 1 / candidates.length : agent.trustBp / total, factors: { trust: agent.trustBp / 10_000 } });
  }
}
