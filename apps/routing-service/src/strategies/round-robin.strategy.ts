import { byLastAssigned, minimumBy, type CandidateAgent, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/**
 * Turns in order: the candidate assigned least recently (never-assigned first). The order comes
 * from the shared sequence of assignments in the read model, so replicas take turns together.
 */
export class RoundRobinStrategy implements RoutingStrategy {
  readonly name = 'round_robin';
  readonly description = 'Distributes tasks evenly: the capable agent assigned least recently goes next.';

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    return minimumBy(candidates, byLastAssigned);
  }
}
