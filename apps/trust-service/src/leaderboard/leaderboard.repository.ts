import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TrustTier } from '../trust/trust-rules';
import { tierRange, TRUST_SCALE } from '../trust/trust-rules';

export interface LeaderboardFilter {
  limit: number;
  tier?: TrustTier;
  tag?: string;
}

export interface LeaderboardRow {
  agent_id: string;
  score_bp: number;
  recent_outcomes: string;
  display_name: string | null;
  tags: string[] | null;
}

@Injectable()
export class LeaderboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Highest scores first (ties by agent id, so the order is stable). A tier is a score range, so
   * the walk down the score index serves it; agents trust-service knows only from task events have
   * no profile yet and appear unless a tag is asked for. Deregistered agents are left out.
   */
  top(filter: LeaderboardFilter): Promise<LeaderboardRow[]> {
    const { minBp, maxBp } = filter.tier ? tierRange(filter.tier) : { minBp: 0, maxBp: TRUST_SCALE };
    const params: unknown[] = [minBp, maxBp, filter.limit];
    let tagCondition = '';
    if (filter.tag !== undefined) {
      params.push([filter.tag]);
      tagCondition = `AND p.tags @> $${params.length}::text[]`;
    }
    return this.dataSource.query(
      `SELECT s.agent_id, s.score_bp, s.recent_outcomes, p.display_name, p.tags
         FROM trust.trust_scores s
         LEFT JOIN trust.agent_profiles p ON p.agent_id = s.agent_id
        WHERE s.score_bp BETWEEN $1 AND $2
          AND p.status IS DISTINCT FROM 'deregistered'
          ${tagCondition}
        ORDER BY s.score_bp DESC, s.agent_id
        LIMIT $3`,
      params,
    );
  }
}
