export type CountedOutcome = 'completed' | 'failed' | 'timed_out';

export interface Assignment {
  taskId: string;
  attempt: number;
  agentId: string;
  assignedAt: string;
}

/** What a batch does to one agent's figures, applied with one write. */
export interface AgentMetricsChange {
  agentId: string;
  activeDelta: number;
  completed: number;
  failed: number;
  timedOut: number;
  /**
   * The batch's completion times as an affine map of the old moving average: the new average is
   * `factor × old + offset`, or `ifNoAverage` when the agent had none (null: no completion).
   */
  average: { factor: number; offset: number; ifNoAverage: number } | null;
}

/** The writes a batch of task events comes down to. */
export interface LoadChanges {
  /** Assignment rows to delete (tasks whose stored holder let go of them). */
  released: string[];
  /** Assignment rows to insert (tasks held at the end of the batch that were not stored). */
  assigned: Assignment[];
  agents: AgentMetricsChange[];
}

/**
 * Applies a batch of task events to agents' load and performance in memory, in order, exactly as
 * one event at a time would (a new assignment releases the task's earlier holder; an ending
 * releases it; outcomes count and completions fold into the exponential moving average), and
 * reduces it to a few set-based writes.
 */
export class LoadBatch {
  private readonly holders: Map<string, Assignment | null>;
  private readonly agents = new Map<string, AgentMetricsChange>();

  /** @param stored the assignment rows stored now for the batch's tasks (absent: none). */
  constructor(
    private readonly stored: ReadonlyMap<string, Assignment>,
    private readonly alpha: number,
  ) {
    this.holders = new Map(stored);
  }

  assign(assignment: Assignment): void {
    this.release(assignment.taskId);
    this.holders.set(assignment.taskId, assignment);
    this.agent(assignment.agentId).activeDelta += 1;
  }

  /** The task left whoever held it. */
  release(taskId: string): void {
    const holder = this.holders.get(taskId);
    if (!holder) return;
    this.holders.set(taskId, null);
    this.agent(holder.agentId).activeDelta -= 1;
  }

  count(agentId: string, outcome: CountedOutcome, durationMs: number | null): void {
    const agent = this.agent(agentId);
    if (outcome === 'completed') agent.completed += 1;
    else if (outcome === 'failed') agent.failed += 1;
    else agent.timedOut += 1;
    if (durationMs === null) return;
    const keep = 1 - this.alpha;
    const average = agent.average;
    agent.average = average
      ? { factor: average.factor * keep, offset: keep * average.offset + this.alpha * durationMs, ifNoAverage: keep * average.ifNoAverage + this.alpha * durationMs }
      : { factor: keep, offset: this.alpha * durationMs, ifNoAverage: durationMs };
  }

  /** The agents whose figures the batch changed (their cached views are dropped after the commit). */
  changedAgents(): string[] {
    return [...this.agents.keys()];
  }

  changes(): LoadChanges {
    const released: string[] = [];
    const assigned: Assignment[] = [];
    for (const [taskId, holder] of this.holders) {
      const before = this.stored.get(taskId);
      if (before && before !== holder) released.push(taskId);
      if (holder && holder !== before) assigned.push(holder);
    }
    return { released, assigned, agents: [...this.agents.values()] };
  }

  private agent(agentId: string): AgentMetricsChange {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { agentId, activeDelta: 0, completed: 0, failed: 0, timedOut: 0, average: null };
      this.agents.set(agentId, agent);
    }
    return agent;
  }
}
