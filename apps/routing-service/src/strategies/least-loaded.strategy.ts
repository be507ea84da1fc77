import { byLastAssigned, minimumBy, type CandidateAgent, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/** Fewest active tasks; ties go to the lower utilisation, then to the agent idle longest. */
export class LeastLoadedStrategy implements RoutingStrategy {
  readonly name = 'least_loaded';
  readonly description = 'Routes to the capable agent with the fewest active tasks.';

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    return minimumBy(
      candidates,
      (a, b) => a.activeCount - b.activeCount || a.activeCount / a.maxConcurrency - b.activeCount / b.maxConcurrency || byLastAssigned(a, b),
    );
  }
}
