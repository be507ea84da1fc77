import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { agentService, type AgentServiceSettings } from '../service';

/**
 * Test support: an agent-service instance without a Kafka consumer (so events other suites leave
 * on the shared broker never reach it); tests hand it events through `EventFeed`.
 */
export async function startAgentApp(env: Record<string, string>): Promise<NestFastifyApplication> {
  const app = await createServiceApp({ ...agentService, consumes: false }, loadConfig(agentService.config, env) as AgentServiceSettings);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export { EventFeed } from '@ains/messaging';
