import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { AgentView } from '@ains/contracts';
import { LOGGER, REDIS } from '@ains/platform';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';

const key = (id: string) => `ains:agent-service:agent:v1:${id}`;

/**
 * Cache-aside for single-agent reads (the agent view with its load and metrics). Writers delete
 * the entry after their transaction commits. Redis is an optimisation only: when it fails, reads
 * go to Postgres and the failure is logged, never surfaced.
 */
@Injectable()
export class AgentCache {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async get(id: string): Promise<AgentView | undefined> {
    try {
      const cached = await this.redis.get(key(id));
      return cached ? (JSON.parse(cached) as AgentView) : undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'agent cache read failed');
      return undefined;
    }
  }

  async set(view: AgentView): Promise<void> {
    try {
      await this.redis.set(key(view.id), JSON.stringify(view), 'EX', this.settings.cacheTtlSeconds);
    } catch (error) {
      this.logger.warn({ err: error }, 'agent cache write failed');
    }
  }

  async invalidate(...ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.redis.del(...ids.map(key));
    } catch (error) {
      // The entry expires with its TTL; until then a reader may see the previous state.
      this.logger.warn({ err: error, agentIds: ids }, 'agent cache invalidation failed');
    }
  }
}
