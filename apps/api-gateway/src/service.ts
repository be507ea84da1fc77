import type { ServiceDefinition } from '@ains/runtime';
import { ApiKey } from './api-keys/api-key.entity';
import { AuditLog } from './audit/audit-log.entity';
import { GatewayModule } from './gateway.module';
import { GatewayConfig, type GatewaySettings } from './gateway-settings';
import { migrations } from './migrations';

export const apiGateway: ServiceDefinition<GatewaySettings> = {
  name: 'api-gateway',
  schema: 'gateway',
  config: GatewayConfig,
  entities: [ApiKey, AuditLog],
  migrations,
  kafka: false,
  consumes: false,
  redis: true,
  internalAuth: false,
  features: () => [{ module: GatewayModule }],
};
