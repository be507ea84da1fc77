import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Task } from '@ains/sdk';
import { readAssignmentStream, type AssignmentStreamOptions } from './assignment-stream';

const options = (fetch: AssignmentStreamOptions['fetch'], tasks: Task[] = [], signal = new AbortController().signal): AssignmentStreamOptions => ({
  url: 'http://gateway.test/',
  apiKey: 'ains_key',
  agentId: 'agent-1',
  slots: 4,
  fetch,
  signal,
  idleTimeoutMs: 5_000,
  onOpen: () => undefined,
  onTask: (task) => tasks.push(task),
});

describe('readAssignmentStream', () => {
  it('asks for the agent’s stream with its key and slots, runs each assignment, and ends dropped when the stream ends', async () => {
    const requests: Request[] = [];
    const tasks: Task[] = [];
    const body = ': assignments\n\nevent: assignment\nid: t1:1\ndata: {"id":"t1"}\n\n: keep-alive\n\nevent: assignment\nid: t2:1\ndata: {"id":"t2"}\n\n';
    const end = await readAssignmentStream(
      options(async (request) => {
        requests.push(request);
        return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
      }, tasks),
    );
    expect(end).toBe('dropped');
    expect(tasks.map((task) => task.id)).toEqual(['t1', 't2']);
    expect(requests[0]?.url).toBe('http://gateway.test/v1/agents/agent-1/assignments?slots=4');
    expect(requests[0]?.headers.get('x-api-key')).toBe('ains_key');
  });

  it('tells a stream the platform does not offer (404, 405) from one it refused or could not reach', async () => {
    expect(await readAssignmentStream(options(async () => new Response('{}', { status: 404 })))).toBe('unavailable');
    expect(await readAssignmentStream(options(async () => new Response('{}', { status: 405 })))).toBe('unavailable');
    expect(await readAssignmentStream(options(async () => new Response('{}', { status: 503 })))).toBe('refused');
    expect(await readAssignmentStream(options(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })))).toBe('refused');
    expect(await readAssignmentStream(options(() => Promise.reject(new TypeError('fetch failed'))))).toBe('refused');
  });

  it('ends stopped when the agent stops', async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await readAssignmentStream(options((request) => (request.signal.aborted ? Promise.reject(request.signal.reason) : Promise.reject(new Error('not aborted'))), [], stop.signal))).toBe('stopped');
  });
});

describe('readAssignmentStream over a real connection', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': assignments\n\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // The stop must reach the open request even after a garbage collection: a signal derived from
  // the stop signal that nothing else holds may be collected, and the stream would never end.
  it('ends stopped when the agent stops after a garbage collection', async () => {
    const stop = new AbortController();
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const ended = readAssignmentStream({ ...options((request) => fetch(request), [], stop.signal), url, onOpen: () => opened() });
    await open;
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    stop.abort();
    const outcome = await Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 2_000).unref())]);
    expect(outcome).toBe('stopped');
  });
});
