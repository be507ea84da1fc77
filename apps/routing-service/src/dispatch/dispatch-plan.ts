import type { RoutingCandidate } from '@ains/contracts';
import type { CandidateAgent, RoutableTask, RoutingStrategy } from '../strategies/routing-strategy';
import { rankCandidates } from './candidate-ranking';
import { candidatesFor, hasFreeSlot } from './matching.rules';

export interface PlannedDecision<T extends RoutableTask = RoutableTask> {
  task: T;
  agent: CandidateAgent;
  strategy: string;
  candidateCount: number;
  /** The best-ranked candidates with their scores, as they stood when the agent was picked. */
  candidates: RoutingCandidate[];
}

/**
 * Plans one round in memory: walks the tasks in dispatch order and gives each the agent its
 * strategy picks among its candidates, counting every planned decision against the agent's slots
 * (and as its latest assignment, for round robin) before the next task is considered. Stops at
 * `limit` decisions or when no agent has a free slot. Mutates the agents' figures.
 */
export function planDecisions<T extends RoutableTask>(tasks: readonly T[], agents: CandidateAgent[], strategyFor: (task: T) => RoutingStrategy, limit: number): PlannedDecision<T>[] {
  const planned: PlannedDecision<T>[] = [];
  // Provisional assignment numbers above every existing one; the caller swaps in real sequence values, in the same order.
  let sequence = agents.reduce((max, agent) => Math.max(max, agent.lastAssignedSeq ?? 0), 0);
  for (const task of tasks) {
    if (planned.length >= limit || !agents.some(hasFreeSlot)) break;
    const candidates = candidatesFor(task, agents);
    if (candidates.length === 0) continue;
    const strategy = strategyFor(task);
    const agent = strategy.selectAgent(task, candidates);
    const ranked = rankCandidates(strategy, candidates, agent);
    agent.activeCount += 1;
    agent.lastAssignedSeq = ++sequence;
    planned.push({ task, agent, strategy: strategy.name, candidateCount: candidates.length, candidates: ranked });
  }
  return planned;
}

/** The priority levels of which a window read `perPriority` tasks: they may have more queued. */
export function levelsWithMore(window: readonly { effectivePriority: number }[], perPriority: number): number[] {
  const counts = new Map<number, number>();
  for (const task of window) counts.set(task.effectivePriority, (counts.get(task.effectivePriority) ?? 0) + 1);
  return [...counts].filter(([, count]) => count >= perPriority).map(([level]) => level).sort((a, b) => a - b);
}
