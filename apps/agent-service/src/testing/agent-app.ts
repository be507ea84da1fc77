import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { KafkaMessage } from 'kafkajs';
import { EventCatalog, Topics, type EventData, type EventType } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { LoadEventsConsumer } from '../load/load-events.consumer';
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

/** Hands events to the service's own consumer as the broker would: same decoding, inbox and handlers. */
export class EventFeed {
  private offset = 0;

  constructor(private readonly app: INestApplicationContext) {}

  async deliver<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<void> {
    const topic = EventCatalog[type].topic;
    const headers = toKafkaHeaders({ specversion: '1.0', id: randomUUID(), source: '/test/simulator', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
    const message = { key: Buffer.from(subject), value: Buffer.from(JSON.stringify(data)), headers, offset: String(this.offset++), timestamp: String(Date.now()), attributes: 0, size: 0 } as unknown as KafkaMessage;
    const context = new KafkaContext([message, 0, topic, undefined as never, async () => undefined, undefined as never]);
    const consumer = this.app.get(LoadEventsConsumer);
    if (topic === Topics.task) await consumer.onTaskEvent(context);
    else if (topic === Topics.trust) await consumer.onTrustEvent(context);
    else throw new Error(`agent-service does not consume ${topic}`);
  }
}
