// Webhook delivery throughput and lag: events fanned out in-process (the consumer's handler, in a
// transaction as the inbox runs it), delivered by the real worker over HTTP to receivers on 127.0.0.1.
//
//   npx jest -c tools/bench/webhooks/jest.config.js
//
// Events do not come from the shared broker, so the figures leave out the Kafka hop and nothing
// lands on other teams' topics; the outbox relay is stopped for the same reason.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { CloudEvent } from '@ains/contracts';
import { OutboxRelay } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, waitFor } from '@ains/testing';
import { FanOutService } from '../../../apps/webhook-service/src/delivery/fan-out.service';
import { webhookService, type WebhookServiceSettings } from '../../../apps/webhook-service/src/service';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ains_bench_webhooks';

/** A receiver that answers 204 after `answerAfterMs` and records the lag from each event's time. */
class BenchReceiver {
  readonly lagsMs: number[] = [];
  private server: Server | undefined;

  constructor(private readonly answerAfterMs = 0) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { time: string };
        this.lagsMs.push(Date.now() - Date.parse(event.time));
        setTimeout(() => response.writeHead(204).end(), this.answerAfterMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function taskCompleted(clientId: string): CloudEvent<'ains.task.completed.v1'> {
  const taskId = randomUUID();
  const now = new Date().toISOString();
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/ains/task-service',
    type: 'ains.task.completed.v1',
    time: now,
    subject: taskId,
    datacontenttype: 'application/json',
    data: { taskId, clientId, taskType: 'summarise', agentId: randomUUID(), attempt: 1, durationMs: 40, completedAt: now },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

describe('webhook delivery benchmark', () => {
  let app: NestFastifyApplication;
  let fanOut: FanOutService;
  let dataSource: DataSource;
  const receivers: BenchReceiver[] = [];

  async function endpointFor(clientId: string, answerAfterMs = 0): Promise<BenchReceiver> {
    const receiver = await new BenchReceiver(answerAfterMs).start();
    receivers.push(receiver);
    const url = '/v1/webhooks';
    const response = await app.inject({ method: 'POST', url, headers: callerHeaders('POST', url, testCaller({ clientId })), payload: { url: receiver.url, event_types: ['ains.task.*'] } });
    expect(response.statusCode).toBe(201);
    return receiver;
  }

  async function publish(clientId: string, count: number): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await fanOut.fanOut(Array.from({ length: count }, () => taskCompleted(clientId)), manager);
    });
  }

  /** Publishes `perSecond` events for `seconds`, in 100 ms batches, as a steady producer would. */
  async function steady(clientId: string, perSecond: number, seconds: number): Promise<void> {
    for (let tick = 0; tick < seconds * 10; tick += 1) {
      const started = Date.now();
      await publish(clientId, perSecond / 10);
      await delay(Math.max(0, 100 - (Date.now() - started)));
    }
  }

  beforeAll(async () => {
    await ensureDatabase(DATABASE_URL);
    await dropSchemas(DATABASE_URL, 'webhook');
    const config = loadConfig(webhookService.config, serviceTestEnv({ DATABASE_URL, LOG_LEVEL: 'error', WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32' })) as WebhookServiceSettings;
    app = await createServiceApp({ ...webhookService, consumes: false }, config);
    await app.init();
    await app.get(OutboxRelay).stop();
    fanOut = app.get(FanOutService);
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(receivers.map((receiver) => receiver.stop()));
    await query(DATABASE_URL.replace(/\/[^/]+$/, '/postgres'), `DROP DATABASE IF EXISTS "${new URL(DATABASE_URL).pathname.slice(1)}" WITH (FORCE)`);
  });

  it('measures deliveries per second and lag with one slow endpoint', async () => {
    const rows: string[] = [];

    const burstClient = `bench-burst-${randomUUID()}`;
    const burst = await Promise.all(Array.from({ length: 4 }, () => endpointFor(burstClient)));
    const started = Date.now();
    for (let i = 0; i < 50; i += 1) await publish(burstClient, 50);
    await waitFor(() => burst.every((receiver) => receiver.lagsMs.length === 2_500), { timeoutMs: 300_000, intervalMs: 50, description: 'the burst' });
    const burstRate = 10_000 / ((Date.now() - started) / 1_000);
    rows.push(`| burst: 2,500 events × 4 endpoints, committed as fast as possible | 10,000 | ${Math.round(burstRate)} | ${percentile(burst.flatMap((r) => r.lagsMs), 50)} | ${percentile(burst.flatMap((r) => r.lagsMs), 99)} |`);

    for (const slowMs of [0, 2_000]) {
      const client = `bench-steady-${randomUUID()}`;
      const fast = await Promise.all(Array.from({ length: 4 }, () => endpointFor(client)));
      const slow = slowMs > 0 ? await endpointFor(client, slowMs) : undefined;
      await steady(client, 50, 20);
      await waitFor(() => fast.every((receiver) => receiver.lagsMs.length === 1_000), { timeoutMs: 300_000, intervalMs: 50, description: 'the steady run' });
      const lags = fast.flatMap((receiver) => receiver.lagsMs);
      const label = slow ? `steady: 50 events/s for 20 s × 4 fast endpoints, plus one answering in ${slowMs / 1_000} s` : 'steady: 50 events/s for 20 s × 4 fast endpoints';
      rows.push(`| ${label} | 4,000 (fast) | – | ${percentile(lags, 50)} | ${percentile(lags, 99)} |`);
      if (slow) rows.push(`| … the slow endpoint meanwhile | ${slow.lagsMs.length} of 1,000 | – | ${percentile(slow.lagsMs, 50)} | ${percentile(slow.lagsMs, 99)} |`);
    }

    process.stdout.write(['', '| scenario | deliveries | deliveries/s | lag p50 (ms) | lag p99 (ms) |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n'));
  });
});
