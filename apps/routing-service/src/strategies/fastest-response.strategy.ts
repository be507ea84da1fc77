import { byLastAssigned, minimumBy, type CandidateAgent, type CandidateScore, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/**
 * Lowest moving-average completion time. Agents without a completed task yet come first, so a
 * new agent gets measured instead of never being tried; ties go to the less loaded agent.
 */
export class FastestResponseStrategy implements RoutingStrategy {
  readonly name = 'fastest_response';
  readonly description = 'Routes to the capable agent with the lowest average completion time (unmeasured agents first).';

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    return minimumBy(candidates, (a, b) => this.prefer(a, b));
  }

  prefer(a: CandidateAgent, b: CandidateAgent): number {
    return (a.avgCompletionMs ?? -1) - (b.avgCompletionMs ?? -1) || a.activeCount - b.activeCount || byLastAssigned(a, b);
  }

  /** 1 / (1 + average seconds): an unmeasured agent scores 1, one averaging a second 0.5. */
  scorer(): (agent: CandidateAgent) => CandidateScore {
    return (agent): CandidateScore =>
      agent.avgCompletionMs === null
        ? { score: 1, factors: { active_tasks: agent.activeCount } }
        : { score: 1 / (1 + agent.avgCompletionMs / 1_000), factors: { avg_completion_ms: agent.avgCompletionMs, active_tasks: agent.activeCount } };
  }
}
