import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, testKafka, waitFor } from '@ains/testing';
import { webhookService, type WebhookServiceSettings } from '../service';
import { startGroupAtEnd } from '../testing/consumer-offsets';
import { taskCompletedMessage } from '../testing/task-events';
import { WebhookReceiver } from '../testing/webhook-receiver';

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  message_id: string;
}

describe('webhook deliveries (webhook-service, real Postgres and Kafka, receivers on 127.0.0.1)', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  const receivers: WebhookReceiver[] = [];

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, clientId: string, payload?: object) =>
    app.inject({ method, url, headers: callerHeaders(method, url, testCaller({ clientId, scopes: ['webhooks:read', 'webhooks:write'] })), payload });

  async function receiver(): Promise<WebhookReceiver> {
    const started = await new WebhookReceiver().start();
    receivers.push(started);
    return started;
  }

  /** Creates an endpoint pointing at the receiver, which from then on verifies with its secret. */
  async function endpoint(clientId: string, target: WebhookReceiver, eventTypes = ['ains.task.*']): Promise<string> {
    const response = await call('POST', '/v1/webhooks', clientId, { url: target.url, event_types: eventTypes });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ id: string; secret: string }>();
    target.secrets.push(created.secret);
    return created.id;
  }

  async function publishTaskCompleted(clientId: string): Promise<string> {
    const { eventId, topic, message } = taskCompletedMessage(clientId);
    await producer.send({ topic, messages: [message] });
    return eventId;
  }

  /** `ains_webhook_deliveries_total` by outcome. */
  async function attemptsCounted(): Promise<Record<string, number>> {
    const { body } = await app.inject({ method: 'GET', url: '/metrics' });
    return Object.fromEntries([...body.matchAll(/^ains_webhook_deliveries_total\{outcome="(\w+)"\} (\d+)$/gm)].map(([, outcome, count]) => [outcome, Number(count)]));
  }

  const deliveriesOf = (endpointId: string) => query<DeliveryRow>(testEnv.databaseUrl, 'SELECT id, status, attempts, message_id FROM webhook.deliveries WHERE endpoint_id = $1 ORDER BY created_at', [endpointId]);
  const waitForStatus = (endpointId: string, status: string, count = 1) =>
    waitFor(async () => (await deliveriesOf(endpointId)).filter((row) => row.status === status).length >= count, { timeoutMs: 30_000, description: `${count} ${status} deliveries` });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'webhook');
    const env = serviceTestEnv({
      WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32',
      WEBHOOK_RETRY_SCHEDULE: '20ms,20ms,20ms',
      WEBHOOK_RETRY_JITTER: '0',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      WEBHOOK_ENDPOINT_CONCURRENCY: '2',
      WEBHOOK_ATTEMPT_TIMEOUT_MS: '20000',
      WEBHOOK_DISABLE_AFTER: '1h',
    });
    const name = `webhook-service-int-${randomUUID().slice(0, 8)}`;
    await startGroupAtEnd(testKafka(), name);
    app = await createServiceApp({ ...webhookService, name }, loadConfig(webhookService.config, env) as WebhookServiceSettings);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(receivers.map((started) => started.stop()));
    await app?.close();
  });

  it('delivers the event as a signed CloudEvent that the official standardwebhooks library accepts', async () => {
    const client = `client-${randomUUID()}`;
    const target = await receiver();
    const endpointId = await endpoint(client, target);
    const eventId = await publishTaskCompleted(client);

    await waitFor(() => target.received.length === 1, { timeoutMs: 30_000, description: 'the delivery' });
    const [request] = target.received;
    expect(request.verifiedWith).toEqual(target.secrets);
    expect(JSON.parse(request.body)).toMatchObject({ specversion: '1.0', id: eventId, type: 'ains.task.completed.v1', datacontenttype: 'application/json', data: { clientId: client } });
    await waitForStatus(endpointId, 'succeeded');
    const [delivery] = await deliveriesOf(endpointId);
    expect(request.headers['webhook-id']).toBe(delivery.message_id);

    const detail = await call('GET', `/v1/webhooks/${endpointId}/deliveries/${delivery.id}`, client);
    expect(detail.json()).toMatchObject({ status: 'succeeded', attempts: 1, attempts_log: [{ attempt: 1, status_code: 204, error: null }] });
  });

  it('never delivers one client’s events to another client’s endpoint', async () => {
    const clientA = `client-a-${randomUUID()}`;
    const clientB = `client-b-${randomUUID()}`;
    const targetA = await receiver();
    const targetB = await receiver();
    await endpoint(clientA, targetA, ['*']);
    await endpoint(clientB, targetB, ['*']);

    const eventA = await publishTaskCompleted(clientA);
    await waitFor(() => targetA.received.length === 1, { timeoutMs: 30_000, description: 'client A’s delivery' });
    // B's own event goes through the same consumer after A's: once it arrives, A's was long decided.
    const eventB = await publishTaskCompleted(clientB);
    await waitFor(() => targetB.received.length === 1, { timeoutMs: 30_000, description: 'client B’s delivery' });
    expect(targetB.received.map((request) => JSON.parse(request.body).id)).toEqual([eventB]);
    expect(targetA.received.map((request) => JSON.parse(request.body).id)).toEqual([eventA]);
  });

  it('signs with both secrets during a rotation overlap, and only the new one without overlap', async () => {
    const client = `client-${randomUUID()}`;
    const target = await receiver();
    const endpointId = await endpoint(client, target);
    const [previous] = target.secrets;
    const rotated = await call('POST', `/v1/webhooks/${endpointId}/rotate-secret`, client, { overlap_seconds: 600 });
    const current = rotated.json<{ secret: string }>().secret;
    target.secrets = [previous, current];

    await publishTaskCompleted(client);
    await waitFor(() => target.received.length === 1, { timeoutMs: 30_000, description: 'the delivery during the overlap' });
    expect(target.received[0].verifiedWith).toEqual([previous, current]);

    const next = (await call('POST', `/v1/webhooks/${endpointId}/rotate-secret`, client, { overlap_seconds: 0 })).json<{ secret: string }>().secret;
    target.secrets = [current, next];
    await publishTaskCompleted(client);
    await waitFor(() => target.received.length === 2, { timeoutMs: 30_000, description: 'the delivery after the overlap' });
    expect(target.received[1].verifiedWith).toEqual([next]);
  });

  it('retries failures with the same webhook-id until the endpoint succeeds, recording every attempt', async () => {
    const client = `client-${randomUUID()}`;
    const target = await receiver();
    target.answer = (index) => (index < 2 ? { status: 503, body: 'busy' } : { status: 200 });
    const endpointId = await endpoint(client, target);
    const before = await attemptsCounted();
    expect(Object.keys(before).sort()).toEqual(['failed', 'gone', 'succeeded']);
    await publishTaskCompleted(client);

    await waitForStatus(endpointId, 'succeeded');
    await waitFor(
      async () => {
        const after = await attemptsCounted();
        return after.failed >= before.failed + 2 && after.succeeded >= before.succeeded + 1;
      },
      { description: 'two failed attempts and one success in ains_webhook_deliveries_total' },
    );
    expect(new Set(target.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
    expect(target.received.every((request) => request.verifiedWith.length === 1)).toBe(true);
    const [delivery] = await deliveriesOf(endpointId);
    const detail = (await call('GET', `/v1/webhooks/${endpointId}/deliveries/${delivery.id}`, client)).json<{ attempts_log: { status_code: number; response_body: string | null }[] }>();
    expect(detail.attempts_log.map((attempt) => [attempt.status_code, attempt.response_body])).toEqual([
      [503, 'busy'],
      [503, 'busy'],
      [200, null],
    ]);
  });

  it('disables an endpoint that answers 410 Gone and tells the client’s other endpoints', async () => {
    const client = `client-${randomUUID()}`;
    const gone = await receiver();
    gone.answer = () => ({ status: 410 });
    const watcher = await receiver();
    const goneId = await endpoint(client, gone);
    await endpoint(client, watcher, ['ains.webhook.*']);
    await publishTaskCompleted(client);

    await waitForStatus(goneId, 'dead_lettered');
    expect(gone.received).toHaveLength(1);
    expect((await call('GET', `/v1/webhooks/${goneId}`, client)).json()).toMatchObject({ enabled: false, disabled_reason: 'gone' });
    await waitFor(() => watcher.received.length === 1, { timeoutMs: 30_000, description: 'the endpoint_disabled event at the other endpoint' });
    expect(JSON.parse(watcher.received[0].body)).toMatchObject({ type: 'ains.webhook.endpoint_disabled.v1', data: { endpointId: goneId, reason: 'gone', clientId: client } });
  });

  it('dead-letters exhausted deliveries, then replays one and recovers the rest', async () => {
    const client = `client-${randomUUID()}`;
    const target = await receiver();
    let healthy = false;
    target.answer = () => (healthy ? { status: 200 } : { status: 500 });
    const endpointId = await endpoint(client, target);
    const since = new Date(Date.now() - 1_000).toISOString();
    for (let i = 0; i < 3; i += 1) await publishTaskCompleted(client);

    await waitForStatus(endpointId, 'dead_lettered', 3);
    expect((await deliveriesOf(endpointId)).map((row) => row.attempts)).toEqual([4, 4, 4]);
    const listed = await call('GET', `/v1/webhooks/${endpointId}/deliveries?status=dead_lettered&event_type=ains.task.completed.v1&limit=2`, client);
    const page = listed.json<{ data: { id: string }[]; next_cursor: string }>();
    expect(page.data).toHaveLength(2);
    expect(page.next_cursor).toEqual(expect.any(String));

    healthy = true;
    const replayed = await call('POST', `/v1/webhooks/${endpointId}/deliveries/${page.data[0].id}/replay`, client);
    expect(replayed.statusCode).toBe(202);
    await waitForStatus(endpointId, 'succeeded', 1);
    const again = await call('POST', `/v1/webhooks/${endpointId}/deliveries/${page.data[0].id}/replay`, client);
    expect(again.statusCode).toBe(202);

    const recovered = await call('POST', `/v1/webhooks/${endpointId}/recover?since=${encodeURIComponent(since)}`, client);
    expect(recovered.json()).toEqual({ recovered: 2 });
    await waitFor(async () => (await deliveriesOf(endpointId)).every((row) => row.status === 'succeeded'), { timeoutMs: 30_000, description: 'every delivery to succeed' });
    const ids = new Set(target.received.map((request) => request.headers['webhook-id']));
    expect(ids.size).toBe(3);
  });

  it('disables an endpoint that has been failing for the configured period', async () => {
    const client = `client-${randomUUID()}`;
    const target = await receiver();
    target.answer = () => ({ status: 500 });
    const endpointId = await endpoint(client, target);
    await query(testEnv.databaseUrl, "UPDATE webhook.endpoints SET failing_since = now() - interval '2 hours' WHERE id = $1", [endpointId]);
    await publishTaskCompleted(client);

    await waitForStatus(endpointId, 'dead_lettered');
    expect(target.received).toHaveLength(1);
    expect((await call('GET', `/v1/webhooks/${endpointId}`, client)).json()).toMatchObject({ enabled: false, disabled_reason: 'failing' });
    const replay = await call('POST', `/v1/webhooks/${endpointId}/recover?since=2020-01-01T00:00:00Z`, client);
    expect(replay.statusCode).toBe(409);
  });

  it('keeps delivering to other endpoints while one endpoint hangs, with at most the per-endpoint limit in flight there', async () => {
    const client = `client-${randomUUID()}`;
    const slow = await receiver();
    slow.answer = () => 'hold';
    const fast = await receiver();
    await endpoint(client, slow);
    await endpoint(client, fast);
    for (let i = 0; i < 4; i += 1) await publishTaskCompleted(client);

    await waitFor(() => fast.received.length === 4 && slow.heldCount === 2, { timeoutMs: 30_000, description: 'all four deliveries at the fast endpoint' });
    expect(slow.received).toHaveLength(2);
    slow.release();
  });

  it('refuses to send to a destination that became private after creation', async () => {
    const client = `client-${randomUUID()}`;
    const target = await receiver();
    const endpointId = await endpoint(client, target);
    await query(testEnv.databaseUrl, "UPDATE webhook.endpoints SET url = 'http://10.20.30.40/hook' WHERE id = $1", [endpointId]);
    await publishTaskCompleted(client);

    await waitForStatus(endpointId, 'dead_lettered');
    const [delivery] = await deliveriesOf(endpointId);
    const detail = (await call('GET', `/v1/webhooks/${endpointId}/deliveries/${delivery.id}`, client)).json<{ attempts_log: { status_code: null; error: string }[] }>();
    expect(detail.attempts_log[0]).toMatchObject({ status_code: null, error: expect.stringContaining('10.20.30.40 is a private address') });
    expect(target.received).toHaveLength(0);
  });
});
