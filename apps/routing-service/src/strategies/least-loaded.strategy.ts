import { byLastAssigned, minimumBy, type CandidateAgent, type CandidateScore, type RoutableTask, type RoutingStrategy } from './routing-strategy';

/** Fewest active tasks; ties go to the lower utilisation, then to the agent idle longest. */
export class LeastLoadedStrategy implements RoutingStrategy {
  readonly name = 'least_loaded';
  readonly description = 'Routes to the capable agent with the fewest active tasks.';

  selectAgent(_task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent {
    return minimumBy(candidates, (a, b) => this.prefer(a, b));
  }

  prefer(a: CandidateAgent, b: CandidateAgent): number {
    return a.activeCount - b.activeCount || a.activeCount / a.maxConcurrency - b.activeCount / b.maxConcurrency || byLastAssigned(a, b);
  }

  /** 1 / (1 + active tasks): an idle agent scores 1. */
  scorer(): (agent: CandidateAgent) => CandidateScore {
    return (agent) => ({ score: 1 / (1 + agent.activeCount), factors: { active_tasks: agent.activeCount, utilisation: agent.activeCount / agent.maxConcurrency } });
  }
}
