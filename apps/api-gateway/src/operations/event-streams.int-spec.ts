import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, serviceTestEnv, TEST_INTERNAL_AUTH_SECRET, testEnv, waitFor } from '@ains/testing';
import { FakeUpstream } from '../testing/fake-upstream';
import { newApiKey, startGateway, upstreamEnv } from '../testing/gateway-app';

/** The assignment stream through the gateway: authenticated like every agent route, relayed as it comes, never cut by the upstream timeout. */
describe('event streams through the gateway (real Postgres and Redis, fake services)', () => {
  const adminKey = newApiKey();
  const upstream = new FakeUpstream(TEST_INTERNAL_AUTH_SECRET);
  let gateway: NestFastifyApplication;
  let port: number;
  const agentId = randomUUID();
  let agentKey: string;
  let otherAgentKey: string;
  /** The last test closes the gateway itself. */
  let gatewayClosed = false;

  const keyFor = async (agent: string): Promise<string> => {
    const response = await gateway.inject({ method: 'POST', url: '/v1/api-keys', headers: { 'x-api-key': adminKey }, payload: { name: 'agent', client_id: 'fleet', scopes: ['agent:work'], agent_id: agent } });
    expect(response.statusCode).toBe(201);
    return response.json<{ api_key: string }>().api_key;
  };

  /** Opens the stream and collects what arrives, as it arrives. */
  const open = (key: string | undefined, agent = agentId): Promise<{ response: IncomingMessage; text: () => string; close: () => void }> =>
    new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: `/v1/agents/${agent}/assignments?slots=4`, headers: key ? { 'x-api-key': key } : {} }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        resolve({ response, text: () => text, close: () => request.destroy() });
      });
      request.on('error', reject).end();
    });

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'gateway');
    await upstream.start();
    // An upstream timeout far shorter than the stream stays open.
    gateway = await startGateway(serviceTestEnv({ ...upstreamEnv(upstream.url), BOOTSTRAP_ADMIN_API_KEY: adminKey, REDIS_KEY_PREFIX: `test:gw:${randomUUID()}:`, TASK_SERVICE_TIMEOUT_MS: '300' }));
    await gateway.listen(0, '127.0.0.1');
    port = (gateway.getHttpServer().address() as AddressInfo).port;
    agentKey = await keyFor(agentId);
    otherAgentKey = await keyFor(randomUUID());
  });

  afterAll(async () => {
    if (!gatewayClosed) await gateway?.close();
    await upstream.stop();
  });

  it('refuses a request without a key (401) and another agent’s key (403) before any service sees it', async () => {
    upstream.route = () => ({ status: 200, stream: true });
    const before = upstream.received.length;
    const anonymous = await open(undefined);
    expect(anonymous.response.statusCode).toBe(401);
    const other = await open(otherAgentKey);
    expect(other.response.statusCode).toBe(403);
    expect(other.response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(upstream.received.length).toBe(before);
  });

  it('relays each event as it is written, past the upstream timeout, counts the connection once, and closes the upstream when the agent leaves', async () => {
    upstream.route = (request) => (request.url.includes('/assignments') ? { status: 200, stream: true } : { status: 200, body: { data: [] } });
    const stream = await open(agentKey);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.response.headers['x-accel-buffering']).toBe('no');
    const remaining = Number(stream.response.headers['ratelimit-remaining']);
    expect(upstream.received.at(-1)).toMatchObject({ url: `/v1/agents/${agentId}/assignments?slots=4`, caller: { agentId } });
    const service = upstream.streams.at(-1)!;

    service.write('event: assignment\nid: one:1\ndata: {"n":1}\n\n');
    await waitFor(() => stream.text().includes('id: one:1'), { description: 'the first event, unbuffered' });
    // Written later than TASK_SERVICE_TIMEOUT_MS after the answer began: the stream has no body timeout.
    await new Promise<void>((resolve) => setTimeout(() => service.write('event: assignment\nid: two:1\ndata: {"n":2}\n\n', () => resolve()), 600));
    await waitFor(() => stream.text().includes('id: two:1'), { description: 'the later event' });

    const next = await gateway.inject({ method: 'POST', url: `/v1/agents/${agentId}/claim`, headers: { 'x-api-key': agentKey }, payload: {} });
    expect(next.statusCode).toBe(200);
    expect(Number(next.headers['ratelimit-remaining'])).toBe(remaining - 1);

    stream.close();
    await waitFor(() => service.destroyed || service.writableEnded, { description: 'the upstream stream to be closed' });
  });

  // Last: it shuts the gateway down.
  it('cuts open streams when it shuts down, so it closes instead of waiting for the agents to leave', async () => {
    upstream.route = (request) => (request.url.includes('/assignments') ? { status: 200, stream: true } : { status: 200, body: {} });
    const stream = await open(agentKey);
    expect(stream.response.statusCode).toBe(200);
    const streamEnded = new Promise<void>((resolve) => stream.response.once('close', resolve));
    gatewayClosed = true;
    const closing = gateway.close().then(() => 'closed');
    const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('still closing'), 5_000).unref());
    expect(await Promise.race([closing, deadline])).toBe('closed');
    await streamEnded;
  });
});
