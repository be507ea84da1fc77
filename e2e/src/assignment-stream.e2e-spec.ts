import { randomUUID } from 'node:crypto';
import { AinsAgent } from '@ains/agent-sdk';
import { AinsClient, type Task } from '@ains/sdk';
import { waitFor } from '@ains/testing';
import { adminKey } from './support/auth';
import { contractViolations } from './support/contract';
import { api } from './support/http';
import { restartService } from './support/service-process';
import { gatewayUrl } from './support/stack-env';

/**
 * Assignments pushed to agents on their assignment stream (server-sent events) through the
 * gateway: no claim requests while it is up, and long-polling with nothing lost or run twice when
 * it drops.
 */
describe('the assignment stream', () => {
  const started: AinsAgent[] = [];
  let client: AinsClient;
  let clientId: string;
  const admin = new AinsClient({ url: gatewayUrl, apiKey: adminKey });

  beforeAll(async () => {
    clientId = `e2e-push-${randomUUID()}`;
    const key = await admin.post('/v1/api-keys', { body: { name: 'push e2e', client_id: clientId, scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write'], rate_limit_per_minute: 6_000 } });
    client = new AinsClient({ url: gatewayUrl, apiKey: key.api_key });
  });

  afterAll(() => Promise.all(started.map((agent) => agent.stop())));

  const newTag = () => `push-${randomUUID().slice(0, 8)}`;
  const register = (tag: string, concurrency: number) => client.post('/v1/agents', { body: { display_name: `push ${tag}`, tags: [tag], max_concurrency: concurrency } });
  async function submit(tag: string, taskType: string, count: number): Promise<string[]> {
    const batch = await client.post('/v1/tasks/batch', { body: { tasks: Array.from({ length: count }, () => ({ task_type: taskType, priority: 10, routing: { required_tags: [tag] } })) }, params: { header: { 'Idempotency-Key': randomUUID() } } });
    return batch.data.map((task) => task.id);
  }
  const finished = (ids: string[], timeoutMs: number) => Promise.all(ids.map((id) => client.waitForTask(id, { timeoutMs, intervalMs: 250 })));
  const completedOnce = (task: Task & { attempts?: { outcome: string | null }[] }) => task.status === 'completed' && task.attempts?.length === 1 && task.attempts[0]?.outcome === 'completed';

  it('streams started tasks as the contract describes, to the key’s own agent only', async () => {
    const tag = newTag();
    // A fresh stack's consumers first replay what the broker holds, and routing may push this agent
    // older tasks first: hence room for many, and reading on until this test's task arrives.
    const agent = await register(tag, 1_000);
    const other = await register(newTag(), 1);
    const path = `/v1/agents/${agent.id}/assignments?slots=100`;
    expect((await api('GET', `/v1/agents/${other.id}/assignments`, undefined, { 'x-api-key': agent.api_key })).status).toBe(403);
    expect((await api('GET', path, undefined, { 'x-api-key': '' })).status).toBe(401);

    const abort = new AbortController();
    const response = await fetch(`${gatewayUrl}${path}`, { headers: { 'x-api-key': agent.api_key }, signal: abort.signal });
    try {
      expect(response.status).toBe(200);
      const [id] = await submit(tag, 'push.raw', 1);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes(`id: ${id}:1`) || !text.endsWith('\n\n')) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before the assignment arrived: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
      expect(contractViolations('GET', path, 200, response.headers.get('content-type'), text)).toEqual([]);
      expect(text).toContain('event: assignment');
      expect((await client.get('/v1/tasks/{id}', { params: { path: { id: id as string } } })).status).toBe('running');
    } finally {
      abort.abort();
    }
  });

  it('lets an SDK agent complete its tasks without a single claim request', async () => {
    const tag = newTag();
    const taskType = `push.noop-${tag}`;
    const registered = await register(tag, 4);
    const agent = new AinsAgent({ url: gatewayUrl, apiKey: registered.api_key, agentId: registered.id, concurrency: 4, handleSignals: false });
    const runs = new Map<string, number>();
    agent.handle(taskType, (_input, ctx) => {
      runs.set(ctx.task.id, (runs.get(ctx.task.id) ?? 0) + 1);
      return { ok: true };
    });
    started.push(agent);
    await agent.start();
    await waitFor(() => agent.stats.streamsOpened === 1, { description: 'the agent’s stream to open' });

    const ids = await submit(tag, taskType, 40);
    const tasks = await finished(ids, 80_000);
    expect(tasks.filter((task) => !completedOnce(task))).toEqual([]);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    expect(agent.stats).toMatchObject({ claimRequests: 0, claimed: 0, streamsOpened: 1, lost: 0, givenUp: 0 });
    expect(agent.stats.pushed).toBeGreaterThanOrEqual(40);
  });

  it('falls back to long-polling when the stream drops, every task completed exactly once', async () => {
    const tag = newTag();
    const taskType = `push.held-${tag}`;
    const registered = await register(tag, 4);
    const agent = new AinsAgent({ url: gatewayUrl, apiKey: registered.api_key, agentId: registered.id, concurrency: 4, claimWaitMs: 2_000, handleSignals: false });
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const runs = new Map<string, number>();
    agent.handle(taskType, async (_input, ctx) => {
      runs.set(ctx.task.id, (runs.get(ctx.task.id) ?? 0) + 1);
      await released;
      return { ok: true };
    });
    started.push(agent);
    await agent.start();
    await waitFor(() => agent.stats.streamsOpened === 1, { description: 'the agent’s stream to open' });

    const ids = await submit(tag, taskType, 12);
    // Every slot busy: the stream has nothing to do but wait, and the task-service behind it goes away.
    await waitFor(() => agent.stats.running === 4, { timeoutMs: 60_000, description: 'four pushed tasks running' });
    expect(agent.stats.claimRequests).toBe(0);
    await restartService('task-service', 3_000, async () => release());

    // The gateway's circuit to task-service may stay open a few seconds after the restart: a 503 is polled again.
    const tasks = await waitFor(async () => {
      const seen = await Promise.all(ids.map((id) => client.get('/v1/tasks/{id}', { params: { path: { id } } })));
      return seen.every((task) => task.status === 'completed') ? seen : undefined;
    }, { timeoutMs: 120_000, intervalMs: 500, description: 'every task to complete' });
    expect(tasks.filter((task) => !completedOnce(task))).toEqual([]);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    expect(agent.stats.claimRequests).toBeGreaterThan(0);
    expect(agent.stats).toMatchObject({ lost: 0, givenUp: 0 });
    // And the stream is taken up again.
    await waitFor(() => agent.stats.streamsOpened >= 2, { timeoutMs: 60_000, description: 'the stream to open again' });
  }, 240_000);
});
