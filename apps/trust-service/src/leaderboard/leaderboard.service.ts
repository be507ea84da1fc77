import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { LeaderboardQuery, LeaderboardView } from '@ains/contracts';
import { cacheRequests, KeyValueStores, LOGGER, MetricsService, type CacheRequests, type KeyValueStore } from '@ains/platform';
import { successRate, tierOf, toScore } from '../trust/trust-rules';
import { LeaderboardRepository } from './leaderboard.repository';

export interface LeaderboardSettings {
  /** How long a computed ranking is served from the cache (the seed: trust scores 1 min). */
  cacheTtlSeconds: number;
  /** Namespace of the cache keys, so installations sharing a Redis database stay apart. */
  cacheKeyPrefix: string;
}

export const LEADERBOARD_SETTINGS = Symbol('LEADERBOARD_SETTINGS');

/** Rankings an in-process cache (without REDIS_URL) keeps at most, one per (limit, tier, tag). */
const MAX_CACHED_RANKINGS = 1_000;

/**
 * The leaderboard, cache-aside in Redis (or, without REDIS_URL, in this process): a ranking is
 * computed at most once per TTL for each (limit, tier, tag). Scores change with every finished
 * task, so a cached ranking may be up to a TTL old; that is the seed's trade. While Redis fails
 * the ranking is computed on every request.
 */
@Injectable()
export class LeaderboardService {
  private readonly cache: KeyValueStore;
  private readonly requests: CacheRequests;

  constructor(
    private readonly leaderboard: LeaderboardRepository,
    stores: KeyValueStores,
    @Inject(LEADERBOARD_SETTINGS) private readonly settings: LeaderboardSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.cache = stores.create({ maxEntries: MAX_CACHED_RANKINGS });
    this.requests = cacheRequests(metrics, 'leaderboard');
  }

  async get(query: LeaderboardQuery): Promise<LeaderboardView> {
    const key = this.cacheKey(query);
    const cached = await this.cache.get(key).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'leaderboard cache unavailable, computing the ranking');
      return undefined;
    });
    if (cached !== undefined) {
      this.requests.hit();
      return JSON.parse(cached) as LeaderboardView;
    }
    this.requests.miss();
    const view = await this.compute(query);
    await this.cache.set(key, JSON.stringify(view), this.settings.cacheTtlSeconds * 1000).catch((error: unknown) => {
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
