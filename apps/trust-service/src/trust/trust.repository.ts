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
    const result = await manager.createQueryBuilder().insert().into(TrustScore).values(score).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  async appendRecord(manager: EntityManager, record: Omit<TrustRecord, 'id'>): Promise<void> {
    await manager.insert(TrustRecord, record);
  }
}
