import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AinsApiError } from './ains-api-error';
import { AinsClient } from './ains-client';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  at: number;
}

type Reply = (received: Received, response: ServerResponse) => void;

/** A real HTTP server that answers each request with the next reply (the last one repeats). */
class ScriptedServer {
  readonly received: Received[] = [];
  private readonly server: Server;
  private replies: Reply[] = [];

  constructor() {
    this.server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : undefined, at: Date.now() };
        this.received.push(received);
        const reply = this.replies.length > 1 ? this.replies.shift() : this.replies[0];
        reply?.(received, response);
      });
    });
  }

  script(...replies: Reply[]): void {
    this.replies = replies;
    this.received.length = 0;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_received, response) => {
    response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
const problem = (status: number, headers: Record<string, string> = {}) => json(status, { type: `https://ains.dev/problems/${status}`, title: `Status ${status}`, status }, headers);
const dropConnection: Reply = (_received, response) => response.socket?.destroy();

const TASK_ID = '0b7d9a5e-2c1f-4f7a-9d0e-6a1c3b5d7e90';
const task = (status: string, extra: Record<string, unknown> = {}) => ({ id: TASK_ID, task_type: 'summarize', status, retry_at: null, attempts: [], ...extra });

describe('AinsClient', () => {
  const server = new ScriptedServer();
  let ains: AinsClient;

  beforeAll(async () => {
    ains = new AinsClient({ url: await server.start(), apiKey: 'ains_0123456789abcdef_secret', retry: { baseDelayMs: 1, maxDelayMs: 2_000 } });
  });

  afterAll(() => server.stop());

  it('authenticates with X-API-Key, sends JSON and resolves with the typed body', async () => {
    server.script(json(201, task('queued')));
    const created = await ains.post('/v1/tasks', { body: { task_type: 'summarize', input: { text: 'hello' } }, params: { header: { 'Idempotency-Key': 'order-1' } } });
    expect(created.status).toBe('queued');
    expect(server.received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/v1/tasks',
        headers: expect.objectContaining({ 'x-api-key': 'ains_0123456789abcdef_secret', 'content-type': 'application/json', 'idempotency-key': 'order-1' }),
        body: { task_type: 'summarize', input: { text: 'hello' } },
      }),
    ]);
  });

  it('turns problem answers into AinsApiError with the problem details', async () => {
    server.script(
      json(
        400,
        { type: 'https://ains.dev/problems/validation-error', title: 'Invalid request', status: 400, detail: 'The request has 1 invalid field.', errors: [{ field: 'task_type', message: 'Required' }], request_id: 'req-1' },
        { 'x-request-id': 'req-1' },
      ),
    );
    const failure = await ains.post('/v1/tasks', { body: { task_type: 'Bad Type' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AinsApiError);
    expect(failure).toMatchObject({
      status: 400,
      type: 'https://ains.dev/problems/validation-error',
      title: 'Invalid request',
      detail: 'The request has 1 invalid field.',
      errors: [{ field: 'task_type', message: 'Required' }],
      requestId: 'req-1',
      message: '400 Invalid request: The request has 1 invalid field.',
    });
  });

  it('keeps the status of an error answer that is not problem details', async () => {
    server.script((_received, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>bad gateway</html>');
    });
    const failure = await ains.get('/v1/tasks/{id}', { params: { path: { id: TASK_ID } } }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 502, type: 'about:blank', title: 'Bad Gateway' });
    expect(server.received).toHaveLength(1);
  });

  it('retries a 429 after the Retry-After it was given, even for a POST', async () => {
    server.script(problem(429, { 'retry-after': '1' }), json(201, task('queued')));
    await expect(ains.post('/v1/tasks', { body: { task_type: 'summarize' } })).resolves.toMatchObject({ id: TASK_ID });
    expect(server.received).toHaveLength(2);
    // The backoff alone would have waited about a millisecond (baseDelayMs 1); timers may fire a
    // hair early, hence the margin.
    expect(server.received[1].at - server.received[0].at).toBeGreaterThanOrEqual(950);
    expect(server.received[1].body).toEqual({ task_type: 'summarize' });
  });

  it('does not wait for a Retry-After longer than maxDelayMs, and says what was asked', async () => {
    server.script(problem(429, { 'retry-after': '900' }));
    await expect(ains.get('/v1/tasks')).rejects.toMatchObject({ status: 429, retryAfterMs: 900_000 });
    expect(server.received).toHaveLength(1);
  });

  it('retries 503 of a GET with backoff until it succeeds', async () => {
    server.script(problem(503), problem(503), json(200, task('running')));
    await expect(ains.get('/v1/tasks/{id}', { params: { path: { id: TASK_ID } } })).resolves.toMatchObject({ status: 'running' });
    expect(server.received.map((received) => received.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('gives up after maxAttempts and returns the last answer as the error', async () => {
    server.script(problem(503));
    await expect(ains.get('/v1/tasks')).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(4);
  });

  it('retries a 503 of a POST only with an Idempotency-Key or when declared idempotent', async () => {
    server.script(problem(503));
    await expect(ains.post('/v1/tasks', { body: { task_type: 'summarize' } })).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);

    server.script(problem(503), json(201, task('queued')));
    await ains.post('/v1/tasks', { body: { task_type: 'summarize' }, params: { header: { 'Idempotency-Key': 'order-2' } } });
    expect(server.received.map((received) => received.headers['idempotency-key'])).toEqual(['order-2', 'order-2']);

    server.script(problem(503), json(200, task('running')));
    await ains.post('/v1/tasks/{id}/start', { params: { path: { id: TASK_ID } }, body: {}, idempotent: true });
    expect(server.received).toHaveLength(2);
  });

  it('retries a dropped connection of a repeatable request, not of a plain POST', async () => {
    server.script(dropConnection, json(200, task('running')));
    await expect(ains.get('/v1/tasks/{id}', { params: { path: { id: TASK_ID } } })).resolves.toMatchObject({ status: 'running' });
    expect(server.received).toHaveLength(2);

    server.script(dropConnection, json(201, task('queued')));
    await expect(ains.post('/v1/tasks', { body: { task_type: 'summarize' } })).rejects.toThrow('fetch failed');
    expect(server.received).toHaveLength(1);
  });

  it('stops waiting between attempts when the signal is aborted', async () => {
    server.script(problem(503, { 'retry-after': '2' }));
    const controller = new AbortController();
    const pending = ains.get('/v1/tasks', { signal: controller.signal });
    while (server.received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('no longer needed'));
    await expect(pending).rejects.toThrow('no longer needed');
    expect(server.received).toHaveLength(1);
  });

  it('paginates: follows next_cursor and keeps the filters on every page', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    server.script((received, response) => {
      const query = new URL(received.url, 'http://ains.test').searchParams;
      const start = Number(query.get('cursor') ?? 0);
      const limit = Number(query.get('limit'));
      const end = start + limit;
      json(200, { data: items.slice(start, end), next_cursor: end < items.length ? String(end) : null })(received, response);
    });
    const seen: string[] = [];
    for await (const item of ains.paginate('/v1/tasks', { params: { query: { limit: 2, task_type: 'summarize' } } })) seen.push(item.id);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.received.map((received) => received.url)).toEqual([
      '/v1/tasks?limit=2&task_type=summarize',
      '/v1/tasks?limit=2&task_type=summarize&cursor=2',
      '/v1/tasks?limit=2&task_type=summarize&cursor=4',
    ]);
  });

  it('waits for a task to finish', async () => {
    server.script(json(200, task('running')), json(200, task('failed', { retry_at: '2030-01-01T00:00:00Z' })), json(200, task('completed', { result: { summary: 'hi' } })));
    await expect(ains.waitForTask(TASK_ID, { intervalMs: 1 })).resolves.toMatchObject({ status: 'completed', result: { summary: 'hi' } });
    expect(server.received).toHaveLength(3);
  });

  it('keeps the full response on the raw client, with the same key and retries', async () => {
    server.script(problem(429, { 'retry-after': '0' }), json(201, task('queued'), { 'idempotency-replayed': 'true' }));
    const { data, response } = await ains.raw.POST('/v1/tasks', { body: { task_type: 'summarize' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotency-replayed')).toBe('true');
    expect(data?.id).toBe(TASK_ID);
    expect(server.received.map((received) => received.headers['x-api-key'])).toEqual(['ains_0123456789abcdef_secret', 'ains_0123456789abcdef_secret']);
  });
});

// Compile-time checks: the client accepts exactly what the OpenAPI document declares.
export async function typeChecks(ains: AinsClient): Promise<void> {
  // @ts-expect-error creating a task needs a body
  await ains.post('/v1/tasks');
  // @ts-expect-error unknown body field
  await ains.post('/v1/tasks', { body: { task_typ: 'summarize' } });
  // @ts-expect-error a single task is not a paginated list
  ains.paginate('/v1/tasks/{id}', { params: { path: { id: TASK_ID } } });
  const registered = await ains.post('/v1/agents', { body: { display_name: 'summariser-1' } });
  const agentKey: string = registered.api_key;
  void agentKey;
}
