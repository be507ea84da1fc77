import { byLastAssigned, minimumBy, type CandidateAgent, type CandidateScore, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/**
 * Turns in order: the candidate assigned least recently (never-assigned first). The order comes
 * from the shared sequence of assignments in the read model, so replicas take turns together.
 */
export class RoundRobinStrategy implements RoutingStrategy {
  readonly name = 'round_robin';
  readonly description = 'Distributes tasks evenly: the capable agent assigned least recently goes next.';

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    return minimumBy(candidates, (a, b) => this.prefer(a, b));
  }

  prefer(a: CandidateAgent, b: CandidateAgent): number {
    return byLastAssigned(a, b);
  }

  /** 1 / position in the turn order: next in turn scores 1, the one after 0.5. */
  scorer(): (agent: CandidateAgent, position: number) => CandidateScore {
    return (_agent, position) => ({ score: 1 / position, factors: { position } });
  }
}
