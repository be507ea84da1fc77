import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventCatalog, Topics, type EventData, type EventType } from '@ains/contracts';
import { provisionTopics, toKafkaHeaders } from '@ains/messaging';
import { dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv, testKafka, TopicRecorder, waitFor } from '@ains/testing';
import { queuedTask, registeredAgent } from '../testing/event-feed';
import { startRoutingApp } from '../testing/routing-app';

async function publish<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  const headers = toKafkaHeaders({ specversion: '1.0', id: randomUUID(), source: '/test', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
  await producer.send({ topic: EventCatalog[type].topic, messages: [{ key: subject, headers, value: JSON.stringify(data) }] });
  await producer.disconnect();
}

/**
 * A new consumer group reads topics from the beginning. This suite's group starts at the end
 * instead, so the events other suites left on the shared broker are not replayed into it.
 */
async function startGroupAtLatest(groupId: string, topics: string[]): Promise<void> {
  await provisionTopics(testKafka(), { partitions: 3, replicationFactor: 1 }, topics);
  const admin = testKafka().admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}

describe('routing-service on real Kafka', () => {
  let app: NestFastifyApplication;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'routing');
    const name = `routing-service-int-${randomUUID().slice(0, 8)}`;
    await startGroupAtLatest(name, [Topics.agent, Topics.trust, Topics.task]);
    app = await startRoutingApp(serviceTestEnv({ ROUTING_DISPATCH_INTERVAL_MS: '50' }), { consumes: true, name });
    recorder = await new TopicRecorder([Topics.routing]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  it('builds its read model from task, agent and trust events, routes the task and publishes the decision', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const agentId = randomUUID();
    const taskId = randomUUID();
    // Other suites publish live tasks on the shared topics too. The task waits first, urgent and
    // old, so the one slot of this suite's agent goes to it and no foreign task is ever decided.
    await publish('ains.task.queued.v1', taskId, queuedTask({ taskId, priority: 10, requiredTags: [tag], minTrust: 0.9, queuedAt: new Date(Date.now() - 3_600_000) }));
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM routing.queue WHERE task_id = $1', [taskId])).length === 1, { description: 'the queued task' });
    await publish('ains.trust.score_changed.v1', agentId, { agentId, scoreBp: 9_100, previousScoreBp: 5_000, tier: 'excellent', reason: 'test', taskId: null, changedAt: new Date().toISOString() });
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM routing.agent_trust WHERE agent_id = $1 AND score_bp = 9100', [agentId])).length === 1, { description: 'the trust score' });
    await publish('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 1 }));

    const [message] = await waitFor(() => {
      const found = recorder.find((m) => m.key === taskId && m.headers.ce_type === 'ains.routing.decided.v1');
      return found.length > 0 && found;
    }, { description: 'the decided event on Kafka' });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({ taskId, agentId, attempt: 1, candidateCount: 1, strategy: 'least_loaded' });

    // Take the simulated agent out of the shared fleet view again.
    await publish('ains.agent.status_changed.v1', agentId, { agentId, status: 'deregistered', previousStatus: 'online', reason: 'test over', changedAt: new Date().toISOString() });
    await waitFor(async () => (await query(testEnv.databaseUrl, "SELECT 1 FROM routing.agents WHERE agent_id = $1 AND status = 'deregistered'", [agentId])).length === 1, { description: 'the deregistration' });
  });
});
