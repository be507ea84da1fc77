import type { RoutingRequirements } from '@ains/contracts';

/** An agent as routing sees it: its profile, live load and the figures strategies rank by. */
export interface CandidateAgent {
  agentId: string;
  tags: readonly string[];
  capabilities: readonly { name: string; version: string }[];
  maxConcurrency: number;
  /** Decisions sent to this agent whose task has not finished yet. */
  activeCount: number;
  /** Trust score in basis points (0..10000). */
  trustBp: number;
  /** Position of the agent's latest assignment in the global sequence of decisions; null if never assigned. */
  lastAssignedSeq: number | null;
  /** Moving average of completion times; null until the agent has completed a task. */
  avgCompletionMs: number | null;
}

/** A queued task waiting for an agent. */
export interface RoutableTask {
  taskId: string;
  clientId: string;
  taskType: string;
  attempt: number;
  effectivePriority: number;
  requirements: RoutingRequirements;
  excludedAgentIds: readonly string[];
  queuedAt: Date;
}

/**
 * How a strategy rates one candidate, for the record of a decision: `score` from 0 to 1, higher
 * preferred, and the figures it comes from (snake_case names, numbers only).
 */
export interface CandidateScore {
  score: number;
  factors: Record<string, number>;
}

/**
 * One way of choosing among capable agents with free capacity. `candidates` is never empty;
 * the result must be one of them. Implementations hold no state between calls (state lives in
 * the agents' figures, which the database shares across routing replicas).
 *
 * `prefer` orders candidates as the strategy ranks them, best first (a deterministic strategy
 * selects the first); `scorer` rates a candidate at its 1-based `position` in that order, made
 * once per decision so it can work out what it needs over all candidates first. Both serve only
 * to explain a decision, so they must agree with `selectAgent`.
 */
export interface RoutingStrategy {
  readonly name: string;
  readonly description: string;
  selectAgent(task: RoutableTask, candidates: readonly CandidateAgent[]): CandidateAgent;
  prefer(a: CandidateAgent, b: CandidateAgent): number;
  scorer(candidates: readonly CandidateAgent[]): (agent: CandidateAgent, position: number) => CandidateScore;
}

/** The first element of `items` that is smallest by `compare` (ties keep the earlier one). */
export function minimumBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T {
  return items.reduce((best, item) => (compare(item, best) < 0 ? item : best));
}

/** Earlier (or never) assigned first: the agent that waited longest is next. */
export function byLastAssigned(a: CandidateAgent, b: CandidateAgent): number {
  const at = a.lastAssignedSeq ?? -Infinity;
  const bt = b.lastAssignedSeq ?? -Infinity;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;
}
