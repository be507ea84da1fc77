import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { TrustRecord, type NewTrustRecord } from './trust-record.entity';
import { TrustScore } from './trust-score.entity';
import type { TrustTier } from './trust-rules';

export interface HistoryFilter {
  limit: number;
  /** Id of the previous page's last record. */
  afterId?: string;
  from?: Date;
  to?: Date;
}

/** Scores and their audit trail. Trust data describe the shared agent fleet: no tenant column. */
@Injectable()
export class TrustRepository {
  constructor(
    @InjectRepository(TrustScore) private readonly scores: Repository<TrustScore>,
    @InjectRepository(TrustRecord) private readonly records: Repository<TrustRecord>,
  ) {}

  findScore(agentId: string): Promise<TrustScore | null> {
    return this.scores.findOneBy({ agentId });
  }

  /** Creates the score unless it exists; returns false when it already did. */
  async createScore(manager: EntityManager, agentId: string, scoreBp: number, tier: TrustTier): Promise<boolean> {
    const inserted = (await manager.query(
      'INSERT INTO trust.trust_scores (agent_id, score_bp, tier, updated_at) VALUES ($1, $2, $3, clock_timestamp()) ON CONFLICT (agent_id) DO NOTHING RETURNING agent_id',
      [agentId, scoreBp, tier],
    )) as unknown[];
    return inserted.length > 0;
  }

  /**
   * Reads the score and locks its row until the transaction ends, so concurrent changes to one
   * agent apply one after the other and none is lost.
   */
  lockScore(manager: EntityManager, agentId: string): Promise<TrustScore | null> {
    return manager.getRepository(TrustScore).findOne({ where: { agentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** `lockScore` for several agents at once, locking in agent id order. */
  lockScores(manager: EntityManager, agentIds: readonly string[]): Promise<TrustScore[]> {
    return manager
      .getRepository(TrustScore)
      .createQueryBuilder('score')
      .where('score.agentId IN (:...agentIds)', { agentIds })
      .orderBy('score.agentId')
      .setLock('pessimistic_write')
      .getMany();
  }

  async saveScore(manager: EntityManager, score: TrustScore): Promise<void> {
    await manager.query(
      `UPDATE trust.trust_scores
          SET score_bp = $2, tier = $3, recent_outcomes = $4, tasks_completed = $5, tasks_failed = $6, tasks_timed_out = $7, updated_at = clock_timestamp()
        WHERE agent_id = $1`,
      [score.agentId, score.scoreBp, score.tier, score.recentOutcomes, score.tasksCompleted, score.tasksFailed, score.tasksTimedOut],
    );
  }

  /**
   * Appends to the audit trail in one statement, in list order (ids grow in that order); returns
   * the time the database stamped on each record.
   */
  async appendRecords(manager: EntityManager, records: readonly NewTrustRecord[]): Promise<Date[]> {
    if (records.length === 0) return [];
    const COLUMNS = 10;
    const values = records.map((_, row) => `(${Array.from({ length: COLUMNS }, (_, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`);
    const rows = (await manager.query(
      `INSERT INTO trust.trust_records (agent_id, event_type, task_id, delta_bp, score_before_bp, score_after_bp, reason, source_event_id, actor_client_id, actor_key_id)
       VALUES ${values.join(', ')} RETURNING id, created_at`,
      records.flatMap((r) => [r.agentId, r.eventType, r.taskId, r.deltaBp, r.scoreBeforeBp, r.scoreAfterBp, r.reason, r.sourceEventId, r.actorClientId, r.actorKeyId]),
    )) as { id: string; created_at: Date }[];
    // RETURNING gives the rows in insertion order; sort by id to rely on nothing but the sequence.
    return rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id))).map((row) => row.created_at);
  }

  /**
   * Newest first, optionally within [from, to). One agent's records are appended under its score's
   * lock, so their ids grow in the order of their times and the id alone is the page key.
   */
  history(agentId: string, filter: HistoryFilter): Promise<TrustRecord[]> {
    const query = this.records.createQueryBuilder('record').where('record.agentId = :agentId', { agentId }).orderBy('record.id', 'DESC').take(filter.limit);
    if (filter.from) query.andWhere('record.createdAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('record.createdAt < :to', { to: filter.to });
    if (filter.afterId) query.andWhere('record.id < :afterId', { afterId: filter.afterId });
    return query.getMany();
  }

  /**
   * The agent's score at a past moment: the result of its last change at or before then, or, when
   * the agent is younger than that, the score it started from.
   */
  async scoreAt(agentId: string, at: Date): Promise<number | null> {
    const [row] = (await this.records.query(
      `SELECT COALESCE(
         (SELECT score_after_bp FROM trust.trust_records WHERE agent_id = $1 AND created_at <= $2 ORDER BY created_at DESC, id DESC LIMIT 1),
         (SELECT COALESCE(score_before_bp, score_after_bp) FROM trust.trust_records WHERE agent_id = $1 ORDER BY created_at, id LIMIT 1)
       ) AS score_bp`,
      [agentId, at],
    )) as { score_bp: number | null }[];
    return row?.score_bp ?? null;
  }
}
