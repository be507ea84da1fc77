import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { AgentView } from '@ains/contracts';
import { Broadcast, cacheRequests, LOGGER, MetricsService, withTimeout, type CacheRequests } from '@ains/platform';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';

/** One page of the agent list; the cache holds it as the database gave it, before the caller's visibility rule. */
export interface AgentPage {
  agents: AgentView[];
  nextCursor: string | null;
}

/** Distinct list queries kept: pages of at most 100 views, a few KB each. */
const MAX_CACHED_PAGES = 500;
const SUBSCRIBE_TIMEOUT_MS = 2_000;
const CHANNEL = 'ains:agent-service:agent-list-invalidations';

/**
 * Pages of `GET /v1/agents`, kept in this process for a few seconds (AGENT_LIST_CACHE_TTL_MS).
 *
 * Any change to any agent (registration, profile, status, heartbeat, load, trust) clears every
 * page on every replica: the writer clears its own at once and broadcasts the clearing (Redis
 * pub/sub; in-process without REDIS_URL). A page is only stored when no clearing happened while
 * it was read, so a read that raced a write cannot put the older page back. Broadcasts are at most
 * once; should one be lost, the TTL bounds how long a replica serves the older page.
 */
@Injectable()
export class AgentListCache implements OnModuleInit {
  private readonly pages: LRUCache<string, AgentPage> | undefined;
  private readonly requests: CacheRequests;
  /** Bumped by every clearing; a read remembers it to know whether it may store its page. */
  private generation = 0;

  constructor(
    private readonly broadcast: Broadcast,
    @Inject(AGENT_SETTINGS) settings: AgentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.pages = settings.listCacheTtlMs > 0 ? new LRUCache({ max: MAX_CACHED_PAGES, ttl: settings.listCacheTtlMs }) : undefined;
    this.requests = cacheRequests(metrics, 'agent-lists');
  }

  async onModuleInit(): Promise<void> {
    if (!this.pages) return;
    // Redis resubscribes by itself after reconnecting; until then the TTL bounds staleness.
    await withTimeout(this.broadcast.subscribe(CHANNEL, () => this.clearLocal()), SUBSCRIBE_TIMEOUT_MS, 'subscribe to agent list invalidations').catch(
      (error: Error) => this.logger.warn({ err: error.message }, 'agent list invalidation subscription pending'),
    );
  }

  /** The cached page, or the page `load` reads (stored unless the agents changed meanwhile). */
  async read(query: object, load: () => Promise<AgentPage>): Promise<AgentPage> {
    if (!this.pages) return load();
    const key = JSON.stringify(query);
    const cached = this.pages.get(key);
    if (cached) {
      this.requests.hit();
      return cached;
    }
    this.requests.miss();
    const generation = this.generation;
    const page = await load();
    if (generation === this.generation) this.pages.set(key, page);
    return page;
  }

  /** After a committed change to any agent: clears the pages here and on every other replica. */
  async invalidate(): Promise<void> {
    if (!this.pages) return;
    this.clearLocal();
    await this.broadcast.publish(CHANNEL, '').catch((error: unknown) => this.logger.warn({ err: error }, 'agent list invalidation broadcast failed'));
  }

  private clearLocal(): void {
    this.generation += 1;
    this.pages?.clear();
  }
}
