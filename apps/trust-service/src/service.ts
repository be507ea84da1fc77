import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { AgentProfile } from './agents/agent-profile.entity';
import { AgentsModule } from './agents/agents.module';
import { LeaderboardModule } from './leaderboard/leaderboard.module';
import { TrustRecord } from './trust/trust-record.entity';
import { TrustScore } from './trust/trust-score.entity';
import { migrations } from './migrations';

export const TrustServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8083),
  ...ConfigFragments.kafka,
  ...ConfigFragments.redis,
  /** The seed caches trust scores for one minute. */
  LEADERBOARD_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  LEADERBOARD_CACHE_KEY_PREFIX: z.string().max(100).regex(/^[A-Za-z0-9._:-]*$/).default('ains:trust:'),
});

export type TrustServiceSettings = z.infer<typeof TrustServiceConfig>;

export const trustService: ServiceDefinition<TrustServiceSettings> = {
  name: 'trust-service',
  schema: 'trust',
  config: TrustServiceConfig,
  entities: [TrustScore, TrustRecord, AgentProfile],
  migrations,
  kafka: true,
  consumes: true,
  redis: true,
  internalAuth: true,
  // AgentsModule imports TrustModule (scores, task events, trust endpoints): listing both here would register TrustModule twice.
  features: (config) => [
    { module: AgentsModule },
    LeaderboardModule.forRoot({ cacheTtlSeconds: config.LEADERBOARD_CACHE_TTL_SECONDS, cacheKeyPrefix: config.LEADERBOARD_CACHE_KEY_PREFIX }),
  ],
};
