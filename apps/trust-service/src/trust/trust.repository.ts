import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { TrustRecord } from './trust-record.entity';
import { TrustScore } from './trust-score.entity';

@Injectable()
export class TrustRepository {
  constructor(@InjectRepository(TrustScore) private readonly scores: Repository<TrustScore>) {}

  findScore(agentId: string): Promise<TrustScore | null> {
    return this.scores.findOneBy({ agentId });
  }

  /** Creates the score unless it exists; returns false when it already did. */
  async createScore(manager: EntityManager, score: TrustScore): Promise<boolean> {
    const inserted = (await manager.query(
      'INSERT INTO trust.trust_scores (agent_id, score_bp, tier, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (agent_id) DO NOTHING RETURNING agent_id',
      [score.agentId, score.scoreBp, score.tier, score.updatedAt],
    )) as unknown[];
    return inserted.length > 0;
  }

  async appendRecord(manager: EntityManager, record: Omit<TrustRecord, 'id'>): Promise<void> {
    await manager.insert(TrustRecord, record);
  }
}
