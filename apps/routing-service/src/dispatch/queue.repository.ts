import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoutingCandidate, RoutingRequirements } from '@ains/contracts';
import type { CandidateAgent, RoutableTask } from '../strategies/routing-strategy';
import { INITIAL_TRUST_BP } from './matching.rules';

const ALL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface QueuedTask extends RoutableTask {
  priority: number;
}

/** A task read from the queue, with its place in the order of arrival. */
export interface ReadTask extends QueuedTask {
  arrival: number;
}

export interface DecisionRecord {
  taskId: string;
  attempt: number;
  agentId: string;
  clientId: string;
  strategy: string;
  candidateCount: number;
  /** Travels in the event only: the decisions table keeps the count. */
  candidates: RoutingCandidate[];
  queuedAt: Date;
  decidedAt: Date;
}

/** Which of a task's decisions a finished attempt releases. */
export type ReleaseScope = { attempt: number } | { attemptsBelow: number } | 'all';

interface QueueRow {
  task_id: string;
  attempt: number;
  client_id: string;
  task_type: string;
  priority: number;
  effective_priority: number;
  requirements: RoutingRequirements;
  excluded_agent_ids: string[];
  queued_at: Date;
  arrival: string;
}

interface AgentRow {
  agent_id: string;
  tags: string[];
  capabilities: { name: string; version: string }[];
  max_concurrency: number;
  active_count: number;
  last_assigned_seq: string | null;
  avg_completion_ms: number | null;
  score_bp: number | null;
}

/** One lock key for dispatching, shared by every replica: one dispatcher decides at a time. */
const DISPATCH_LOCK_SQL = "SELECT pg_try_advisory_xact_lock(hashtext('ains.routing.dispatch')) AS locked";
const WAIT_FOR_DISPATCH_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('ains.routing.dispatch'))";

/** All SQL of the dispatch queue, the decisions and the agents' slots. */
@Injectable()
export class QueueRepository {
  /**
   * Adds the task's attempt to the queue, or replaces an earlier attempt of it (which arrives
   * anew). An attempt that was already decided is not queued again (a replayed event). Callers
   * hold the dispatch lock, so arrivals are numbered in the order they commit.
   */
  async enqueue(manager: EntityManager, task: QueuedTask): Promise<void> {
    await manager.query(
      `INSERT INTO routing.queue (task_id, attempt, client_id, task_type, priority, effective_priority, requirements, excluded_agent_ids, queued_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
       WHERE NOT EXISTS (SELECT 1 FROM routing.decisions WHERE task_id = $1 AND attempt >= $2)
       ON CONFLICT (task_id) DO UPDATE SET attempt = EXCLUDED.attempt, client_id = EXCLUDED.client_id, task_type = EXCLUDED.task_type, priority = EXCLUDED.priority,
         effective_priority = EXCLUDED.effective_priority, requirements = EXCLUDED.requirements, excluded_agent_ids = EXCLUDED.excluded_agent_ids, queued_at = EXCLUDED.queued_at,
         arrival = nextval('routing.queue_arrival_seq')
       WHERE routing.queue.attempt < EXCLUDED.attempt`,
      [task.taskId, task.attempt, task.clientId, task.taskType, task.priority, task.effectivePriority, JSON.stringify(task.requirements), task.excludedAgentIds, task.queuedAt],
    );
  }

  async setEffectivePriority(manager: EntityManager, taskId: string, effectivePriority: number): Promise<void> {
    await manager.query('UPDATE routing.queue SET effective_priority = $2 WHERE task_id = $1', [taskId, effectivePriority]);
  }

  /** Removes the task from the queue; with `upToAttempt`, only an attempt that is not newer. */
  async remove(manager: EntityManager, taskId: string, upToAttempt?: number): Promise<void> {
    await manager.query('DELETE FROM routing.queue WHERE task_id = $1 AND ($2::int IS NULL OR attempt <= $2)', [taskId, upToAttempt ?? null]);
  }

  /** Marks the task's in-flight decisions in scope as finished and frees their agents' slots. */
  async release(manager: EntityManager, taskId: string, scope: ReleaseScope): Promise<void> {
    const [condition, params] =
      scope === 'all' ? ['true', [taskId]] : 'attempt' in scope ? ['attempt = $2', [taskId, scope.attempt]] : ['attempt < $2', [taskId, scope.attemptsBelow]];
    await manager.query(
      `WITH released AS (
         UPDATE routing.decisions SET released_at = now() WHERE task_id = $1 AND released_at IS NULL AND ${condition} RETURNING agent_id
       ), per_agent AS (SELECT agent_id, count(*)::int AS n FROM released GROUP BY agent_id)
       UPDATE routing.agents a SET active_count = GREATEST(a.active_count - per_agent.n, 0) FROM per_agent WHERE a.agent_id = per_agent.agent_id`,
      params,
    );
  }

  /**
   * Records that task-service applied the decision. One that had expired meanwhile is in flight
   * after all: it takes its slot back (even past the limit, since the agent does have the task).
   */
  async confirm(manager: EntityManager, taskId: string, attempt: number): Promise<void> {
    await manager.query(
      `WITH old AS (
         SELECT task_id, attempt, agent_id, expired FROM routing.decisions WHERE task_id = $1 AND attempt = $2 AND confirmed_at IS NULL FOR UPDATE
       ), confirmed AS (
         UPDATE routing.decisions d SET confirmed_at = now(), released_at = CASE WHEN old.expired THEN NULL ELSE d.released_at END, expired = false
         FROM old WHERE d.task_id = old.task_id AND d.attempt = old.attempt RETURNING old.agent_id, old.expired
       )
       UPDATE routing.agents a SET active_count = a.active_count + 1 FROM confirmed WHERE confirmed.expired AND a.agent_id = confirmed.agent_id`,
      [taskId, attempt],
    );
  }

  /**
   * Frees the slots of decisions task-service has not applied within `timeoutMs`: it ignores
   * decisions for tasks that are no longer waiting, and such a slot would otherwise stay taken.
   * Returns how many expired.
   */
  async expireUnconfirmed(manager: EntityManager, timeoutMs: number): Promise<number> {
    const rows = returned<{ n: number }>(
      await manager.query(
        `WITH expired AS (
           UPDATE routing.decisions SET released_at = now(), expired = true
           WHERE released_at IS NULL AND confirmed_at IS NULL AND decided_at < now() - make_interval(secs => $1 / 1000.0)
           RETURNING agent_id
         ), per_agent AS (SELECT agent_id, count(*)::int AS n FROM expired GROUP BY agent_id)
         UPDATE routing.agents a SET active_count = GREATEST(a.active_count - per_agent.n, 0) FROM per_agent WHERE a.agent_id = per_agent.agent_id
         RETURNING per_agent.n`,
        [timeoutMs],
      ),
    );
    return rows.reduce((sum, row) => sum + row.n, 0);
  }

  async tryLockDispatch(manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(DISPATCH_LOCK_SQL)) as { locked: boolean }[];
    return row.locked;
  }

  /**
   * Waits for the dispatch lock. A batch of events frees and takes agents' slots and queue rows in
   * event order, which is no order a dispatch round (agents by id) or another batch could share;
   * holding the round's lock for the batch's short transaction keeps them from deadlocking.
   */
  async waitForDispatchLock(manager: EntityManager): Promise<void> {
    await manager.query(WAIT_FOR_DISPATCH_LOCK_SQL);
  }

  /** Online agents with their trust, locked (in id order) for the rest of the dispatch transaction. */
  async lockOnlineAgents(manager: EntityManager): Promise<CandidateAgent[]> {
    const rows = (await manager.query(
      `SELECT a.agent_id, a.tags, a.capabilities, a.max_concurrency, a.active_count, a.last_assigned_seq, a.avg_completion_ms, t.score_bp
       FROM routing.agents a LEFT JOIN routing.agent_trust t ON t.agent_id = a.agent_id
       WHERE a.status = 'online' ORDER BY a.agent_id FOR UPDATE OF a`,
    )) as AgentRow[];
    return rows.map((row) => ({
      agentId: row.agent_id,
      tags: row.tags,
      capabilities: row.capabilities,
      maxConcurrency: row.max_concurrency,
      activeCount: row.active_count,
      trustBp: row.score_bp ?? INITIAL_TRUST_BP,
      lastAssignedSeq: row.last_assigned_seq === null ? null : Number(row.last_assigned_seq),
      avgCompletionMs: row.avg_completion_ms,
    }));
  }

  /**
   * Page `page` (from 0) of the given priority levels: up to `perPriority` tasks of each, each
   * level in FIFO order.
   */
  async window(manager: EntityManager, perPriority: number, levels: readonly number[] = ALL_LEVELS, page = 0): Promise<ReadTask[]> {
    const rows = (await manager.query(
      `SELECT q.* FROM unnest($2::int[]) AS level
       CROSS JOIN LATERAL (
         SELECT * FROM routing.queue WHERE effective_priority = level ORDER BY queued_at, task_id LIMIT $1 OFFSET $3
       ) q`,
      [perPriority, levels, page * perPriority],
    )) as QueueRow[];
    return rows.map(toReadTask);
  }

  /** Up to `limit` tasks that arrived after `arrival`, in order of arrival. */
  async arrivedAfter(manager: EntityManager, arrival: number, limit: number): Promise<ReadTask[]> {
    const rows = (await manager.query('SELECT * FROM routing.queue WHERE arrival > $1 ORDER BY arrival LIMIT $2', [arrival, limit])) as QueueRow[];
    return rows.map(toReadTask);
  }

  /** Takes these task attempts off the queue for decisions; returns the ids of those still there. */
  async claim(manager: EntityManager, tasks: readonly { taskId: string; attempt: number }[]): Promise<Set<string>> {
    const rows = returned<{ task_id: string }>(
      await manager.query(
        `DELETE FROM routing.queue q USING unnest($1::uuid[], $2::int[]) AS c(task_id, attempt)
         WHERE q.task_id = c.task_id AND q.attempt = c.attempt RETURNING q.task_id`,
        [tasks.map((t) => t.taskId), tasks.map((t) => t.attempt)],
      ),
    );
    return new Set(rows.map((row) => row.task_id));
  }

  /** Inserts the decisions; an attempt decided before keeps its first decision. Returns the task ids inserted. */
  async recordDecisions(manager: EntityManager, decisions: readonly DecisionRecord[]): Promise<Set<string>> {
    if (decisions.length === 0) return new Set();
    const rows = returned<{ task_id: string }>(
      await manager.query(
        `INSERT INTO routing.decisions (task_id, attempt, agent_id, client_id, strategy, candidate_count, queued_at, decided_at)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[])
         ON CONFLICT (task_id, attempt) DO NOTHING RETURNING task_id`,
        [
          decisions.map((d) => d.taskId),
          decisions.map((d) => d.attempt),
          decisions.map((d) => d.agentId),
          decisions.map((d) => d.clientId),
          decisions.map((d) => d.strategy),
          decisions.map((d) => d.candidateCount),
          decisions.map((d) => d.queuedAt),
          decisions.map((d) => d.decidedAt),
        ],
      ),
    );
    return new Set(rows.map((row) => row.task_id));
  }

  /** `count` numbers from the shared assignment sequence, ascending. */
  async nextAssignmentNumbers(manager: EntityManager, count: number): Promise<number[]> {
    const rows = (await manager.query("SELECT nextval('routing.assignment_seq') AS seq FROM generate_series(1, $1) ORDER BY 1", [count])) as { seq: string }[];
    return rows.map((row) => Number(row.seq));
  }

  /**
   * Takes `count` slots of each agent, provided it is online and has them free, and records its
   * latest assignment number. True only if every agent had them; the condition holds each limit
   * even without the row locks.
   */
  async reserveSlots(manager: EntityManager, slots: ReadonlyMap<string, { count: number; lastSeq: number }>): Promise<boolean> {
    const entries = [...slots];
    const rows = returned(
      await manager.query(
        `UPDATE routing.agents a SET active_count = a.active_count + s.count, last_assigned_seq = s.last_seq
         FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS s(agent_id, count, last_seq)
         WHERE a.agent_id = s.agent_id AND a.status = 'online' AND a.active_count + s.count <= a.max_concurrency RETURNING a.agent_id`,
        [entries.map(([agentId]) => agentId), entries.map(([, slot]) => slot.count), entries.map(([, slot]) => slot.lastSeq)],
      ),
    );
    return rows.length === entries.length;
  }

  async depth(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query('SELECT count(*)::int AS depth FROM routing.queue')) as { depth: number }[];
    return row.depth;
  }

  async depthByPriority(manager: EntityManager): Promise<Map<number, number>> {
    const rows = (await manager.query('SELECT effective_priority AS priority, count(*)::int AS depth FROM routing.queue GROUP BY effective_priority')) as { priority: number; depth: number }[];
    return new Map(rows.map((row) => [row.priority, row.depth]));
  }

  /** Sets the backpressure state; true only for the one transaction that changed it. */
  async switchBackpressure(manager: EntityManager, engaged: boolean): Promise<boolean> {
    return returned(await manager.query('UPDATE routing.backpressure SET engaged = $1, changed_at = now() WHERE engaged <> $1 RETURNING id', [engaged])).length > 0;
  }

  async backpressureEngaged(manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query('SELECT engaged FROM routing.backpressure')) as { engaged: boolean }[];
    return row.engaged;
  }

  /** Finished decisions are history only. */
  async pruneReleasedDecisions(manager: EntityManager, olderThanMs: number): Promise<void> {
    await manager.query("DELETE FROM routing.decisions WHERE released_at < now() - make_interval(secs => $1 / 1000.0)", [olderThanMs]);
  }
}

function toReadTask(row: QueueRow): ReadTask {
  return {
    taskId: row.task_id,
    attempt: row.attempt,
    clientId: row.client_id,
    taskType: row.task_type,
    priority: row.priority,
    effectivePriority: row.effective_priority,
    requirements: row.requirements,
    excludedAgentIds: row.excluded_agent_ids,
    queuedAt: row.queued_at,
    arrival: Number(row.arrival),
  };
}

/** The RETURNING rows of a raw query: TypeORM answers UPDATE and DELETE with [rows, affected], INSERT with rows. */
function returned<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
