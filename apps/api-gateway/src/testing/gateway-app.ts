import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UPSTREAMS } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { formatApiKey, newKeyId, newSecret } from '../api-keys/api-key-format';
import type { GatewaySettings } from '../gateway-settings';
import { apiGateway } from '../service';

export const newApiKey = (): string => formatApiKey(newKeyId(), newSecret());

/** Every service URL of the gateway pointed at one fake upstream. */
export function upstreamEnv(url: string): Record<string, string> {
  return Object.fromEntries(UPSTREAMS.map((upstream) => [`${upstream.toUpperCase()}_SERVICE_URL`, url]));
}

/** A gateway instance under test, ready for `inject`; several may share one database and Redis. */
export async function startGateway(env: Record<string, string>): Promise<NestFastifyApplication> {
  const app = await createServiceApp(apiGateway, loadConfig(apiGateway.config, env) as GatewaySettings);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
