import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { LeaderboardQuery, LeaderboardView } from '@ains/contracts';
import { LOGGER, MetricsService, REDIS } from '@ains/platform';
import { successRate, tierOf, toScore } from '../trust/trust-rules';
import { LeaderboardRepository } from './leaderboard.repository';

export interface LeaderboardSettings {
  /** How long a computed ranking is served from Redis (the seed: trust scores 1 min). */
  cacheTtlSeconds: number;
  /** Namespace of the cache keys, so installations sharing a Redis database stay apart. */
  cacheKeyPrefix: string;
}

export const LEADERBOARD_SETTINGS = Symbol('LEADERBOARD_SETTINGS');

/**
 * The leaderboard, cache-aside in Redis: a ranking is computed at most once per TTL for each
 * (limit, tier, tag). Scores change with every finished task, so a cached ranking may be up to a
 * TTL old; that is the seed's trade. Without Redis the ranking is computed on every request.
 */
@Injectable()
export class LeaderboardService {
  private readonly lookups: Counter<'outcome'>;

  constructor(
    private readonly leaderboard: LeaderboardRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LEADERBOARD_SETTINGS) private readonly settings: LeaderboardSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.lookups = metrics.counter({ name: 'ains_trust_leaderboard_cache_total', help: 'Leaderboard requests by cache outcome.', labelNames: ['outcome'] });
  }

  async get(query: LeaderboardQuery): Promise<LeaderboardView> {
    const key = this.cacheKey(query);
    const cached = await this.redis.get(key).catch((error: unknown) => {
      this.lookups.inc({ outcome: 'error' });
      this.logger.warn({ err: error }, 'leaderboard cache unavailable, computing the ranking');
      return null;
    });
    if (cached !== null) {
      this.lookups.inc({ outcome: 'hit' });
      return JSON.parse(cached) as LeaderboardView;
    }
    this.lookups.inc({ outcome: 'miss' });
    const view = await this.compute(query);
    await this.redis.set(key, JSON.stringify(view), 'EX', this.settings.cacheTtlSeconds).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not cache the leaderboard');
    });
    return view;
  }

  cacheKey(query: LeaderboardQuery): string {
    return `${this.settings.cacheKeyPrefix}leaderboard:v1:${JSON.stringify([query.limit, query.tier ?? null, query.tag ?? null])}`;
  }

  private async compute(query: LeaderboardQuery): Promise<LeaderboardView> {
    const rows = await this.leaderboard.top(query);
    return {
      data: rows.map((row, index) => ({
        rank: index + 1,
        agent_id: row.agent_id,
        display_name: row.display_name,
        tags: row.tags ?? [],
        score: toScore(row.score_bp),
        tier: tierOf(row.score_bp),
        success_rate: successRate(row.recent_outcomes),
      })),
      generated_at: new Date().toISOString(),
    };
  }
}
