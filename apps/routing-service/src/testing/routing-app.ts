import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { routingService, type RoutingServiceSettings } from '../service';

/**
 * Test support: a routing-service instance on the given environment. Without `consumes` it
 * attaches no Kafka consumer and is fed through EventFeed; its outbox relay still publishes.
 */
export async function startRoutingApp(env: Record<string, string>, options: { consumes?: boolean; name?: string } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(routingService.config, env) as RoutingServiceSettings;
  const app = await createServiceApp({ ...routingService, name: options.name ?? routingService.name, consumes: options.consumes ?? false }, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export interface DecidedRow {
  task_id: string;
  attempt: number;
  agent_id: string;
  strategy: string;
  candidate_count: number;
}

/** The decided events in the order they were committed (the outbox sequence). */
export const DECIDED_EVENTS_SQL = `
  SELECT payload->>'taskId' AS task_id, (payload->>'attempt')::int AS attempt, payload->>'agentId' AS agent_id,
         payload->>'strategy' AS strategy, (payload->>'candidateCount')::int AS candidate_count
  FROM routing.outbox WHERE event_type = 'ains.routing.decided.v1' AND message_key = ANY($1) ORDER BY seq`;
