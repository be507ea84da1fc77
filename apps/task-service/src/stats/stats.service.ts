import { Inject, Injectable } from '@nestjs/common';
import { TASK_STATS_BUCKETS, TASK_STATS_BUCKET_SECONDS, TASK_STATS_COUNT_LIMIT, type TaskStatsView } from '@ains/contracts';
import { APP_CONFIG } from '@ains/platform';
import type { TaskSettings } from '../tasks/task-settings';
import { StatsRepository } from './stats.repository';
import { ALL_STATUSES, countsByStatus, fillBuckets, queueByPriority, statsWindow } from './task-stats';

/** Past this many cached answers, expired ones are dropped before adding another. */
const CACHE_SWEEP_SIZE = 1_000;

/**
 * Task statistics per client (or across clients for admins). A dashboard polls them, often from
 * several tabs: each answer is kept for TASK_STATS_CACHE_MS, and concurrent requests for the same
 * scope share one computation.
 */
@Injectable()
export class StatsService {
  private readonly cache = new Map<string, { at: number; answer: Promise<TaskStatsView> }>();

  constructor(
    private readonly stats: StatsRepository,
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
  ) {}

  /** `clientId` null: every client's tasks. */
  get(clientId: string | null): Promise<TaskStatsView> {
    const key = clientId ?? '';
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && now - cached.at < this.settings.TASK_STATS_CACHE_MS) return cached.answer;
    if (this.cache.size >= CACHE_SWEEP_SIZE) this.sweep(now);
    const answer = this.compute(clientId);
    this.cache.set(key, { at: now, answer });
    // A failed computation is not kept: the next request tries again.
    void answer.catch(() => {
      if (this.cache.get(key)?.answer === answer) this.cache.delete(key);
    });
    return answer;
  }

  private async compute(clientId: string | null): Promise<TaskStatsView> {
    const now = new Date();
    const window = statsWindow(now, TASK_STATS_BUCKET_SECONDS, TASK_STATS_BUCKETS);
    const [states, queued, hour] = await Promise.all([
      this.stats.countByStatus(clientId, ALL_STATUSES, TASK_STATS_COUNT_LIMIT),
      this.stats.queuedByPriority(clientId),
      this.stats.lastHour(clientId, window),
    ]);
    return {
      scope: clientId === null ? 'all' : 'client',
      generated_at: now.toISOString(),
      count_limit: TASK_STATS_COUNT_LIMIT,
      by_status: countsByStatus(states),
      queue: queueByPriority(queued, now),
      last_hour: { bucket_seconds: TASK_STATS_BUCKET_SECONDS, buckets: fillBuckets(window, hour) },
    };
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.cache) if (now - entry.at >= this.settings.TASK_STATS_CACHE_MS) this.cache.delete(key);
  }
}
