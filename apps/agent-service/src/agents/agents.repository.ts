import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentStatus } from '@ains/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { Agent } from './agent.entity';
import { AGENT_RECORD_COLUMNS, toAgentRecord, type AgentRecord, type AgentRecordRow } from './agent-record';

export interface AgentPageKey {
  registeredAt: string;
  id: string;
}

/** The SQL-expressible part of the list filters; capability ranges are checked by the service. */
export interface AgentListFilter {
  tags?: { values: string[]; match: 'all' | 'any' };
  capabilityName?: string;
  status?: AgentStatus;
  /** Basis points; agents trust-service has not scored yet count as 5000, the initial score. */
  minTrustBp?: number;
}

export interface StatusTransition {
  id: string;
  previousStatus: AgentStatus;
}

const FROM_RECORDS = 'agent.agents a LEFT JOIN agent.agent_metrics m ON m.agent_id = a.id';

/** The most PostgreSQL may spend counting the fleet (for a scrape or the statistics endpoint). */
const COUNT_TIMEOUT_MS = 2_000;

@Injectable()
export class AgentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts within the caller's transaction; the returned entity carries the database defaults. */
  insert(manager: EntityManager, agent: Agent): Promise<Agent> {
    return manager.getRepository(Agent).save(agent);
  }

  save(manager: EntityManager, agent: Agent): Promise<Agent> {
    return manager.getRepository(Agent).save(agent);
  }

  /** The agent, locked until the caller's transaction ends. */
  lockById(manager: EntityManager, id: string): Promise<Agent | null> {
    return manager.getRepository(Agent).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Agents per status: one grouped count, under a statement timeout so a slow database never stalls its reader for long. */
  countByStatus(): Promise<Map<AgentStatus, number>> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
      const rows = (await manager.query('SELECT status, count(*)::int AS count FROM agent.agents GROUP BY status')) as { status: AgentStatus; count: number }[];
      return new Map(rows.map((row) => [row.status, row.count]));
    });
  }

  async findRecord(id: string): Promise<AgentRecord | null> {
    const [row] = (await this.dataSource.query(`SELECT ${AGENT_RECORD_COLUMNS} FROM ${FROM_RECORDS} WHERE a.id = $1`, [id])) as AgentRecordRow[];
    return row ? toAgentRecord(row) : null;
  }

  /** Newest first; `after` is the sort key of the previous page's last agent. Deregistered agents only when asked for. */
  async listPage(filter: AgentListFilter, limit: number, after?: AgentPageKey): Promise<AgentRecord[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    where.push(filter.status ? `a.status = ${param(filter.status)}` : "a.status <> 'deregistered'");
    if (after) where.push(`(a.registered_at, a.id) < (${param(after.registeredAt)}::timestamptz, ${param(after.id)}::uuid)`);
    if (filter.tags) where.push(`a.tags ${filter.tags.match === 'all' ? '@>' : '&&'} ${param(filter.tags.values)}::text[]`);
    if (filter.capabilityName) where.push(`a.capabilities @> ${param(JSON.stringify([{ name: filter.capabilityName }]))}::jsonb`);
    if (filter.minTrustBp !== undefined) {
      where.push(`COALESCE((SELECT t.score_bp FROM agent.agent_trust t WHERE t.agent_id = a.id), 5000) >= ${param(filter.minTrustBp)}`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${AGENT_RECORD_COLUMNS} FROM ${FROM_RECORDS} WHERE ${where.join(' AND ')} ORDER BY a.registered_at DESC, a.id DESC LIMIT ${param(limit)}`,
      params,
    )) as AgentRecordRow[];
    return rows.map(toAgentRecord);
  }

  /**
   * Records a heartbeat. An offline agent comes back (as draining if a drain was requested);
   * returns the previous status so the caller can publish the change, or null if there is no agent.
   */
  async heartbeat(manager: EntityManager, id: string): Promise<{ previousStatus: AgentStatus; status: AgentStatus } | null> {
    const [row] = returned<{ previous_status: AgentStatus; status: AgentStatus }>(
      await manager.query(
        `WITH previous AS (SELECT id, status FROM agent.agents WHERE id = $1 FOR UPDATE)
         UPDATE agent.agents a SET last_heartbeat_at = now(),
           status = CASE WHEN a.status = 'offline' THEN (CASE WHEN a.draining THEN 'draining' ELSE 'online' END) ELSE a.status END,
           updated_at = CASE WHEN a.status = 'offline' THEN now() ELSE a.updated_at END
         FROM previous WHERE a.id = previous.id AND a.status <> 'deregistered'
         RETURNING previous.status AS previous_status, a.status`,
        [id],
      ),
    );
    return row ? { previousStatus: row.previous_status, status: row.status } : null;
  }

  /**
   * Claims the offline transition of agents whose last heartbeat is older than the timeout. Rows
   * another replica is already changing are skipped, and the status is re-checked by the update,
   * so each transition is made (and published) by exactly one replica.
   */
  async markOverdueOffline(manager: EntityManager, timeoutMs: number, limit: number): Promise<StatusTransition[]> {
    return returned<{ id: string; previous_status: AgentStatus }>(
      await manager.query(
        `WITH overdue AS (
           SELECT id, status FROM agent.agents
           WHERE status IN ('online', 'draining') AND last_heartbeat_at < now() - make_interval(secs => $1 / 1000.0)
           ORDER BY last_heartbeat_at LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         UPDATE agent.agents a SET status = 'offline', updated_at = now() FROM overdue
         WHERE a.id = overdue.id AND a.status IN ('online', 'draining')
         RETURNING a.id, overdue.status AS previous_status`,
        [timeoutMs, limit],
      ),
    ).map((row) => ({ id: row.id, previousStatus: row.previous_status }));
  }
}

/** The RETURNING rows of a raw query: TypeORM answers UPDATE and DELETE with [rows, affected], INSERT with rows. */
export function returned<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
