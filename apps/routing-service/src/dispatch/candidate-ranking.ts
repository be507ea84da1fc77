import type { RoutingCandidate } from '@ains/contracts';
import type { CandidateAgent, RoutingStrategy } from '../strategies/routing-strategy';

/** Candidates recorded with a decision: enough to explain it, few enough to keep its event small. */
export const RECORDED_CANDIDATES = 5;

/**
 * Why `chosen` got the task: the `limit` candidates the strategy ranks highest, best first, each
 * with its score and the figures behind it. The chosen agent is always among them; when a random
 * strategy picked one ranked lower, it takes the last place. Selects the top in O(n · limit), with
 * no sort of all candidates, since it runs for every decision.
 */
export function rankCandidates(strategy: RoutingStrategy, candidates: readonly CandidateAgent[], chosen: CandidateAgent, limit = RECORDED_CANDIDATES): RoutingCandidate[] {
  const top: CandidateAgent[] = [];
  for (const candidate of candidates) {
    let at = top.length;
    while (at > 0 && strategy.prefer(candidate, top[at - 1]) < 0) at -= 1;
    if (at < limit) top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  const ranked = top.map((agent, index) => ({ agent, position: index + 1 }));
  if (!top.includes(chosen)) {
    const position = 1 + candidates.filter((candidate) => strategy.prefer(candidate, chosen) < 0).length;
    ranked.splice(limit - 1, 1, { agent: chosen, position });
  }
  const scoreOf = strategy.scorer(candidates);
  return ranked.map(({ agent, position }) => {
    const { score, factors } = scoreOf(agent, position);
    return { agentId: agent.agentId, score: rounded(score), factors: Object.fromEntries(Object.entries(factors).map(([name, value]) => [name, rounded(value)])) };
  });
}

/** Four decimals say all a reader needs and keep the event compact. */
function rounded(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
