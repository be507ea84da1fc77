import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';

interface Received {
  event: { id: string; type: string; data: { taskId?: string; clientId: string } };
  verified: boolean;
}

/** A client's webhook receiver on 127.0.0.1, verifying with the official library. */
class Receiver {
  readonly received: Received[] = [];
  secret = '';
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.received.push({ event: JSON.parse(body) as Received['event'], verified: verifies(this.secret, body, request.headers) });
      response.writeHead(204).end();
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  taskIds(): (string | undefined)[] {
    return this.received.map((request) => request.event.data.taskId);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function verifies(secret: string, body: string, headers: IncomingHttpHeaders): boolean {
  try {
    new Webhook(secret).verify(body, { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) });
    return true;
  } catch {
    return false;
  }
}

describe('webhooks through the gateway', () => {
  let clientA: TestApiKey;
  let clientB: TestApiKey;
  const receiverA = new Receiver();
  const receiverB = new Receiver();

  async function subscribe(client: TestApiKey, receiver: Receiver): Promise<string> {
    const created = await api<{ id: string; secret: string }>('POST', '/v1/webhooks', { url: receiver.url, event_types: ['ains.task.*'] }, authHeaders(client));
    expect(created.status).toBe(201);
    receiver.secret = created.body.secret;
    return created.body.id;
  }

  async function createTask(client: TestApiKey): Promise<string> {
    const created = await api<{ id: string }>('POST', '/v1/tasks', { task_type: 'e2e.webhook', priority: 5, input: {} }, authHeaders(client));
    expect(created.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    const scopes = ['webhooks:read', 'webhooks:write', 'tasks:write'] as const;
    [clientA, clientB] = await Promise.all([createApiKey({ scopes: [...scopes] }), createApiKey({ scopes: [...scopes] })]);
    await Promise.all([receiverA.start(), receiverB.start()]);
  });

  afterAll(() => Promise.all([receiverA.stop(), receiverB.stop()]));

  it('delivers each client its own task events, signed, and nobody else’s', async () => {
    const endpointA = await subscribe(clientA, receiverA);
    await subscribe(clientB, receiverB);

    const taskA = await createTask(clientA);
    await waitFor(() => receiverA.taskIds().includes(taskA), { timeoutMs: 60_000, description: 'client A’s task event at A’s endpoint' });
    const taskB = await createTask(clientB);
    await waitFor(() => receiverB.taskIds().includes(taskB), { timeoutMs: 60_000, description: 'client B’s task event at B’s endpoint' });

    expect(receiverA.received.every((request) => request.verified && request.event.data.clientId === clientA.clientId)).toBe(true);
    expect(receiverB.received.every((request) => request.verified && request.event.data.clientId === clientB.clientId)).toBe(true);
    expect(receiverB.taskIds()).not.toContain(taskA);
    expect(receiverA.received.map((request) => request.event.type)).toContain('ains.task.created.v1');

    const log = await api<{ data: { event_type: string; status: string }[] }>('GET', `/v1/webhooks/${endpointA}/deliveries?event_type=ains.task.created.v1`, undefined, authHeaders(clientA));
    expect(log.status).toBe(200);
    expect(log.body.data.length).toBeGreaterThanOrEqual(1);
    expect((await api('GET', `/v1/webhooks/${endpointA}`, undefined, authHeaders(clientB))).status).toBe(404);
  });

  it('refuses private and metadata destinations with 422', async () => {
    for (const url of ['http://10.0.0.1/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook']) {
      const response = await api<{ detail: string }>('POST', '/v1/webhooks', { url, event_types: ['*'] }, authHeaders(clientA));
      expect(response.status).toBe(422);
    }
  });

  it('requires the webhook scopes', async () => {
    const tasksOnly = await createApiKey({ scopes: ['tasks:read'] });
    expect((await api('GET', '/v1/webhooks', undefined, authHeaders(tasksOnly))).status).toBe(403);
  });
});
