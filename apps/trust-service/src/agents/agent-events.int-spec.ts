import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv, testKafka, waitFor } from '@ains/testing';
import { trustService, type TrustServiceSettings } from '../service';

describe('trust-service consumes agent registrations from Kafka', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'trust');
    // A consumer group of its own, so events left on the topic by other suites are not replayed here.
    const config = loadConfig(trustService.config, serviceTestEnv()) as TrustServiceSettings;
    app = await createServiceApp({ ...trustService, name: `trust-service-int-${randomUUID().slice(0, 8)}` }, config);
    await app.init();
  });

  afterAll(() => app?.close());

  it('creates the 0.5 score once even when the event is delivered twice, and serves it', async () => {
    const agentId = randomUUID();
    const eventId = randomUUID();
    const data = { agentId, displayName: 'a', tags: [], capabilities: [], maxConcurrency: 1, status: 'online', registeredAt: new Date().toISOString() };
    const headers = toKafkaHeaders({ specversion: '1.0', id: eventId, source: '/test', type: 'ains.agent.registered.v1', time: new Date().toISOString(), subject: agentId, datacontenttype: 'application/json' });
    const producer = testKafka().producer();
    await producer.connect();
    const message = { key: agentId, headers, value: JSON.stringify(data) };
    await producer.send({ topic: Topics.agent, messages: [message, message] });
    await producer.disconnect();

    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM trust.inbox WHERE event_id = $1', [eventId])).length === 1, { description: 'the event to be consumed' });
    // The duplicate sits behind the original on the same partition; once a later event is through, both were seen.
    const fenceId = randomUUID();
    const fenceAgent = randomUUID();
    const fence = await testKafka().producer();
    await fence.connect();
    await fence.send({ topic: Topics.agent, messages: [{ key: agentId, headers: { ...headers, ce_id: fenceId, ce_subject: fenceAgent }, value: JSON.stringify({ ...data, agentId: fenceAgent }) }] });
    await fence.disconnect();
    await waitFor(async () => (await query(testEnv.databaseUrl, 'SELECT 1 FROM trust.inbox WHERE event_id = $1', [fenceId])).length === 1, { description: 'the fence event' });

    const records = await query(testEnv.databaseUrl, 'SELECT score_after_bp FROM trust.trust_records WHERE agent_id = $1', [agentId]);
    expect(records).toEqual([{ score_after_bp: 5000 }]);
    const url = `/v1/agents/${agentId}/trust`;
    const response = await app.inject({ method: 'GET', url, headers: callerHeaders('GET', url) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ agent_id: agentId, score: 0.5, tier: 'average' });
  });

  it('refuses to edit or delete the audit trail', async () => {
    await expect(query(testEnv.databaseUrl, 'UPDATE trust.trust_records SET delta_bp = 1')).rejects.toThrow(/append-only/);
    await expect(query(testEnv.databaseUrl, 'DELETE FROM trust.trust_records')).rejects.toThrow(/append-only/);
  });
});
