/** "Why this agent": the candidates routing ranked for an attempt, ready to show. */

export interface RoutingCandidate {
  agent_id: string | null;
  score: number;
  factors: Record<string, number>;
  chosen: boolean;
}

export interface CandidateRow {
  rank: number;
  agentId: string | null;
  chosen: boolean;
  score: number;
  /** The score as a share of the best score shown, for the bar (0..1). */
  share: number;
  factors: string;
}

/** How each built-in strategy scores a candidate; a strategy added later shows its scores as they are. */
const SCORE_MEANINGS: Record<string, string> = {
  trust_weighted: 'the chance of being picked, in proportion to trust',
  least_loaded: '1 / (1 + active tasks)',
  fastest_response: '1 / (1 + average completion seconds); unmeasured agents score 1',
  round_robin: '1 / place in the turn order',
};

export function scoreMeaning(strategy: string): string {
  return SCORE_MEANINGS[strategy] ?? 'the strategy’s own score';
}

export function candidateRows(candidates: readonly RoutingCandidate[]): CandidateRow[] {
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  return candidates.map((candidate, index) => ({
    rank: index + 1,
    agentId: candidate.agent_id,
    chosen: candidate.chosen,
    score: candidate.score,
    share: best === 0 ? 0 : candidate.score / best,
    factors: Object.entries(candidate.factors)
      .map(([name, value]) => `${name.replaceAll('_', ' ')} ${formatFactor(name, value)}`)
      .join(', '),
  }));
}

function formatFactor(name: string, value: number): string {
  if (name === 'utilisation') return `${Math.round(value * 100)} %`;
  if (name.endsWith('_ms')) return `${Math.round(value)}`;
  return String(value);
}
