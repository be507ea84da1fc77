import { z } from 'zod';
import { ConfigFragments } from '@ains/platform';
import { BaseServiceConfig, type ServiceDefinition } from '@ains/runtime';
import { TrustModule } from './trust/trust.module';
import { TrustRecord } from './trust/trust-record.entity';
import { TrustScore } from './trust/trust-score.entity';
import { migrations } from './migrations';

export const TrustServiceConfig = z.object({
  ...BaseServiceConfig,
  ...ConfigFragments.http(8083),
  ...ConfigFragments.kafka,
});

export type TrustServiceSettings = z.infer<typeof TrustServiceConfig>;

export const trustService: ServiceDefinition<TrustServiceSettings> = {
  name: 'trust-service',
  schema: 'trust',
  config: TrustServiceConfig,
  entities: [TrustScore, TrustRecord],
  migrations,
  kafka: true,
  consumes: true,
  redis: false,
  features: () => [{ module: TrustModule }],
};
