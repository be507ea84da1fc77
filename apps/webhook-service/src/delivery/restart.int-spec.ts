import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { webhookService, type WebhookServiceSettings } from '../service';
import { startGroupAtEnd } from '../testing/consumer-offsets';
import { taskCompletedMessage } from '../testing/task-events';
import { WebhookReceiver } from '../testing/webhook-receiver';

describe('webhook deliveries survive a restart (state in Postgres only)', () => {
  const name = `webhook-service-int-${randomUUID().slice(0, 8)}`;
  // A retry schedule far longer than the test: the pending retry only happens when the test makes it due.
  const config = () =>
    loadConfig(webhookService.config, serviceTestEnv({ WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32', WEBHOOK_RETRY_SCHEDULE: '1h', WEBHOOK_POLL_INTERVAL_MS: '20' })) as WebhookServiceSettings;
  const receiver = new WebhookReceiver();
  let app: NestFastifyApplication | undefined;

  async function start(): Promise<NestFastifyApplication> {
    const started = await createServiceApp({ ...webhookService, name }, config());
    await started.init();
    return started;
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'webhook');
    await receiver.start();
    await startGroupAtEnd(testKafka(), name);
  });

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
  });

  it('sends a pending retry from the restarted service with the same webhook-id', async () => {
    app = await start();
    const client = `client-${randomUUID()}`;
    const url = '/v1/webhooks';
    const created = await app.inject({ method: 'POST', url, headers: callerHeaders('POST', url, testCaller({ clientId: client })), payload: { url: receiver.url, event_types: ['ains.task.completed.v1'] } });
    const endpointId = created.json<{ id: string }>().id;
    receiver.secrets.push(created.json<{ secret: string }>().secret);
    receiver.answer = (index) => (index === 0 ? { status: 500 } : { status: 200 });

    const producer = testKafka().producer();
    await producer.connect();
    const { topic, message } = taskCompletedMessage(client);
    await producer.send({ topic, messages: [message] });
    await producer.disconnect();
    const pending = () => query<{ status: string; attempts: number }>(testEnv.databaseUrl, 'SELECT status, attempts FROM webhook.deliveries WHERE endpoint_id = $1', [endpointId]);
    await waitFor(async () => (await pending())[0]?.attempts === 1, { timeoutMs: 30_000, description: 'the first, failed attempt' });
    await app.close();
    app = undefined;
    expect(await pending()).toEqual([{ status: 'pending', attempts: 1 }]);

    // Time passes while the service is down: the retry falls due.
    await query(testEnv.databaseUrl, 'UPDATE webhook.deliveries SET next_attempt_at = now() WHERE endpoint_id = $1', [endpointId]);
    app = await start();
    await waitFor(async () => (await pending())[0]?.status === 'succeeded', { timeoutMs: 30_000, description: 'the retry from the restarted service' });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
    expect(receiver.received[1].verifiedWith).toHaveLength(1);
  });
});
