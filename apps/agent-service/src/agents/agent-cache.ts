import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AgentView } from '@ains/contracts';
import { cacheRequests, KeyValueStores, LOGGER, MetricsService, type CacheRequests, type KeyValueStore } from '@ains/platform';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { AgentListCache } from './agent-list-cache';

const key = (id: string) => `ains:agent-service:agent:v2:${id}`;

/** Agent views an in-process cache (without REDIS_URL) keeps at most: a few KB each. */
const MAX_CACHED_AGENTS = 10_000;

/**
 * Cache-aside for single-agent reads (the agent view with its load and metrics), in Redis or,
 * without REDIS_URL, in this process. Writers call `invalidate` after their transaction commits:
 * it deletes the agents' entries and clears the cached list pages on every replica.
 * The cache is an optimisation only: when Redis fails, reads go to Postgres and the failure is
 * logged, never surfaced.
 */
@Injectable()
export class AgentCache {
  private readonly store: KeyValueStore;
  private readonly requests: CacheRequests;

  constructor(
    stores: KeyValueStores,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
    private readonly lists: AgentListCache,
  ) {
    this.store = stores.create({ maxEntries: MAX_CACHED_AGENTS });
    this.requests = cacheRequests(metrics, 'agents');
  }

  async get(id: string): Promise<AgentView | undefined> {
    const cached = await this.store.get(key(id)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'agent cache read failed');
      return undefined;
    });
    if (cached === undefined) {
      this.requests.miss();
      return undefined;
    }
    this.requests.hit();
    return JSON.parse(cached) as AgentView;
  }

  async set(view: AgentView): Promise<void> {
    try {
      await this.store.set(key(view.id), JSON.stringify(view), this.settings.cacheTtlSeconds * 1000);
    } catch (error) {
      this.logger.warn({ err: error }, 'agent cache write failed');
    }
  }

  async invalidate(...ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await Promise.all([this.store.delete(...ids.map(key)), this.lists.invalidate()]);
    } catch (error) {
      // The entry expires with its TTL; until then a reader may see the previous state.
      this.logger.warn({ err: error, agentIds: ids }, 'agent cache invalidation failed');
    }
  }
}
