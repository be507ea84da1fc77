import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { consumedEvent, InboxProcessor } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, waitFor } from '@ains/testing';
import { webhookService, type WebhookServiceSettings } from '../service';
import { SubscriptionIndex } from './subscription-index';

/** Two replicas of webhook-service on one schema, fed through their inboxes (no broker in between). */
describe('webhook subscription index (two replicas, real Postgres)', () => {
  const replicas: NestFastifyApplication[] = [];

  const completed = (clientId: string) =>
    consumedEvent('ains.task.completed.v1', randomUUID(), { taskId: randomUUID(), clientId, taskType: 't', agentId: randomUUID(), attempt: 1, durationMs: 5, completedAt: new Date().toISOString() });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'webhook');
    const config = loadConfig(webhookService.config, serviceTestEnv({ WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32' })) as WebhookServiceSettings;
    for (const name of ['webhook-replica-a', 'webhook-replica-b']) {
      const app = await createServiceApp({ ...webhookService, name, consumes: false }, config);
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      replicas.push(app);
    }
  });

  afterAll(() => Promise.all(replicas.map((app) => app.close())));

  it('skips an event no endpoint subscribes to without opening a transaction', async () => {
    const [replica] = replicas;
    await waitFor(() => replica.get(SubscriptionIndex).current, { description: 'the index loaded' });
    const transaction = jest.spyOn(replica.get<DataSource>(getDataSourceToken()), 'transaction');
    try {
      const event = completed(`client-${randomUUID()}`);
      expect(await replica.get(InboxProcessor).processBatch([event])).toMatchObject({ skipped: 1, processed: 0 });
      expect(transaction).not.toHaveBeenCalled();
    } finally {
      transaction.mockRestore();
    }
  });

  it('takes an endpoint created on one replica into account on every replica, and a deleted one out', async () => {
    const [first, second] = replicas;
    const clientId = `client-${randomUUID()}`;
    const url = '/v1/webhooks';
    const created = await first.inject({
      method: 'POST',
      url,
      headers: callerHeaders('POST', url, testCaller({ clientId, scopes: ['webhooks:write'] })),
      payload: { url: 'http://127.0.0.1:9/hook', event_types: ['ains.task.completed.v1'] },
    });
    expect(created.statusCode).toBe(201);
    const endpointId = created.json<{ id: string }>().id;

    const index = second.get(SubscriptionIndex);
    await waitFor(() => index.current && index.mayWant(clientId, 'ains.task.completed.v1'), { description: 'the other replica to see the subscription' });
    expect(index.mayWant(clientId, 'ains.task.failed.v1')).toBe(false);
    const event = completed(clientId);
    expect(await second.get(InboxProcessor).processBatch([event])).toMatchObject({ processed: 1 });
    const deliveries = await query(testEnv.databaseUrl, 'SELECT 1 FROM webhook.deliveries WHERE endpoint_id = $1 AND event_id = $2', [endpointId, event.headers.ce_id]);
    expect(deliveries).toHaveLength(1);

    const deleteUrl = `${url}/${endpointId}`;
    const deleted = await first.inject({ method: 'DELETE', url: deleteUrl, headers: callerHeaders('DELETE', deleteUrl, testCaller({ clientId, scopes: ['webhooks:write'] })) });
    expect(deleted.statusCode).toBe(204);
    await waitFor(() => index.current && !index.mayWant(clientId, 'ains.task.completed.v1'), { description: 'the other replica to drop the subscription' });
  });
});
