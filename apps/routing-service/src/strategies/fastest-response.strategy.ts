import { byLastAssigned, minimumBy, type CandidateAgent, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/**
 * Lowest moving-average completion time. Agents without a completed task yet come first, so a
 * new agent gets measured instead of never being tried; ties go to the less loaded agent.
 */
export class FastestResponseStrategy implements RoutingStrategy {
  readonly name = 'fastest_response';
  readonly description = 'Routes to the capable agent with the lowest average completion time (unmeasured agents first).';

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    return minimumBy(candidates, (a, b) => (a.avgCompletionMs ?? -1) - (b.avgCompletionMs ?? -1) || a.activeCount - b.activeCount || byLastAssigned(a, b));
  }
}
