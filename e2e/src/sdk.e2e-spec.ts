import { randomUUID } from 'node:crypto';
import { AinsAgent, NonRetryableError, type AinsAgentOptions } from '@ains/agent-sdk';
import { AinsApiError, AinsClient, type RegisteredAgent } from '@ains/sdk';
import { waitFor } from '@ains/testing';
import { adminKey } from './support/auth';
import { gatewayUrl } from './support/stack-env';

/** Holds handlers until the test opens it (tests open their gates in `finally`, so no agent waits forever). */
function gate(): { opened: Promise<void>; open: () => void; isOpen: () => boolean } {
  let open = (): void => undefined;
  let isOpen = false;
  const opened = new Promise<void>((resolve) => (open = resolve)).then(() => {
    isOpen = true;
  });
  return { opened, open, isOpen: () => isOpen };
}

/**
 * The SDKs against the running platform: a client application with `AinsClient`, agents with
 * `AinsAgent`, both only through the gateway.
 */
describe('the SDKs', () => {
  const started: AinsAgent[] = [];
  let client: AinsClient;

  beforeAll(async () => {
    const admin = new AinsClient({ url: gatewayUrl, apiKey: adminKey });
    const key = await admin.post('/v1/api-keys', {
      body: { name: 'sdk e2e', client_id: `e2e-sdk-${randomUUID()}`, scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write'], rate_limit_per_minute: 6_000 },
    });
    client = new AinsClient({ url: gatewayUrl, apiKey: key.api_key });
  });

  afterAll(() => Promise.all(started.map((agent) => agent.stop())));

  /**
   * Registers an agent with the client's key, tagged so only this test's tasks reach it, and runs it
   * with its own agent key, two tasks at a time. A fresh stack's consumers first replay what the
   * broker already holds, and routing may fill an agent's capacity with decisions for those older
   * tasks (never applied here, released after a while): hence the large `max_concurrency` routing
   * sees and the tasks' priority, while the agent itself runs two at once.
   */
  async function runAgent(tag: string, handlers: (agent: AinsAgent) => void, options: Partial<AinsAgentOptions> = {}): Promise<{ agent: AinsAgent; registered: RegisteredAgent }> {
    const registered = await client.post('/v1/agents', { body: { display_name: `sdk ${tag}`, tags: [tag], max_concurrency: 1_000 } });
    const agent = new AinsAgent({ url: gatewayUrl, apiKey: registered.api_key, agentId: registered.id, concurrency: 2, claimWaitMs: 1_000, handleSignals: false, ...options });
    handlers(agent);
    started.push(agent);
    await agent.start();
    return { agent, registered };
  }

  const newTag = () => `sdk-${randomUUID().slice(0, 8)}`;
  const submit = (tag: string, taskType: string, input: Record<string, unknown> = {}, retryPolicy?: { max_attempts: number; backoff_base_ms: number }) =>
    client.post('/v1/tasks', { body: { task_type: taskType, priority: 10, input, routing: { required_tags: [tag] }, retry_policy: retryPolicy }, params: { header: { 'Idempotency-Key': randomUUID() } } });
  const finished = (id: string) => client.waitForTask(id, { timeoutMs: 80_000, intervalMs: 200 });

  it('completes tasks submitted by the client with the results of an agent running two at a time', async () => {
    const tag = newTag();
    let running = 0;
    let mostAtOnce = 0;
    const twoRunning = gate();
    const { agent, registered } = await runAgent(tag, (worker) =>
      worker.handle<{ text: string }, { summary: string }>('sdk.summarise', async (input) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        if (running === 2) twoRunning.open();
        // Each of the first two tasks waits for the other: they finish only if both run at once.
        await twoRunning.opened;
        running--;
        return { summary: input.text.toUpperCase() };
      }),
    );

    const texts = ['alpha', 'beta', 'gamma', 'delta'];
    const tasks = await Promise.all(texts.map((text) => submit(tag, 'sdk.summarise', { text })));
    const done = await Promise.all(tasks.map((task) => finished(task.id))).finally(twoRunning.open);

    expect(done.map((task) => [task.status, task.result])).toEqual(texts.map((text) => ['completed', { summary: text.toUpperCase() }]));
    for (const task of done) expect(task.attempts).toMatchObject([{ agent_id: registered.id, outcome: 'completed' }]);
    expect(mostAtOnce).toBe(2);
    expect(agent.stats).toMatchObject({ completed: 4, running: 0 });
  });

  it('reports a throwing handler as a failure: retried when retryable, failed at once when not, like an unknown task type', async () => {
    const tag = newTag();
    await runAgent(tag, (worker) =>
      worker
        .handle('sdk.flaky', (_input, ctx) => {
          if (ctx.task.attempt === 1) throw new Error('the model timed out');
          return { attempt: ctx.task.attempt };
        })
        .handle('sdk.broken', () => {
          throw new NonRetryableError('there is no text to summarise');
        }),
    );

    const flaky = await submit(tag, 'sdk.flaky', {}, { max_attempts: 3, backoff_base_ms: 0 });
    const broken = await submit(tag, 'sdk.broken', {}, { max_attempts: 3, backoff_base_ms: 0 });
    const unknown = await submit(tag, 'sdk.unknown', {}, { max_attempts: 3, backoff_base_ms: 0 });

    expect(await finished(flaky.id)).toMatchObject({
      status: 'completed',
      result: { attempt: 2 },
      attempts: [{ attempt: 1, outcome: 'failed', error: 'the model timed out' }, { attempt: 2, outcome: 'completed' }],
    });
    expect(await finished(broken.id)).toMatchObject({ status: 'failed', retry_at: null, error: 'NonRetryableError: there is no text to summarise', attempts: [{ outcome: 'failed' }] });
    expect(await finished(unknown.id)).toMatchObject({ status: 'failed', retry_at: null, error: 'NonRetryableError: This agent has no handler for task type sdk.unknown', attempts: [{ outcome: 'failed' }] });
  });

  it('pages through tasks with the cursor, and reports problems as AinsApiError', async () => {
    const taskType = `sdk.page-${randomUUID().slice(0, 8)}`;
    // A tag no agent has: the tasks stay queued.
    const tag = newTag();
    const created: string[] = [];
    for (let index = 0; index < 5; index++) created.push((await submit(tag, taskType, { index })).id);

    const listed: string[] = [];
    for await (const task of client.paginate('/v1/tasks', { params: { query: { task_type: taskType, limit: 2 } } })) listed.push(task.id);
    expect(listed).toEqual([...created].reverse());

    const missing = await client.get('/v1/tasks/{id}', { params: { path: { id: randomUUID() } } }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(AinsApiError);
    expect(missing).toMatchObject({ status: 404, type: expect.stringContaining('not-found'), title: expect.any(String), detail: expect.any(String) });
    const invalid = await client.post('/v1/tasks', { body: { task_type: 'Not A Type' } }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'task_type' })] });
  });

  it('stops gracefully: drains the agent, lets the task in flight finish and report, then resolves', async () => {
    const tag = newTag();
    const inFlight = gate();
    const release = gate();
    const { agent, registered } = await runAgent(tag, (worker) =>
      worker.handle('sdk.slow', async (_input, ctx) => {
        inFlight.open();
        await release.opened;
        await ctx.progress({ done: 1 });
        return { finished: true };
      }),
    );
    try {
      const task = await submit(tag, 'sdk.slow');
      await waitFor(inFlight.isOpen, { timeoutMs: 80_000, description: 'the agent to run the task' });

      let stopped = false;
      const stopping = agent.stop().then(() => (stopped = true));
      await waitFor(async () => (await client.get('/v1/agents/{id}', { params: { path: { id: registered.id } } })).status === 'draining', { description: 'the stopping agent to drain' });
      // The handler is still held, so the agent must still be waiting for it.
      expect(stopped).toBe(false);
      expect(agent.stats.running).toBe(1);

      release.open();
      await stopping;
      expect(await client.get('/v1/tasks/{id}', { params: { path: { id: task.id } } })).toMatchObject({ status: 'completed', result: { finished: true }, progress: { done: 1 } });
      expect(agent.stats).toMatchObject({ completed: 1, running: 0 });
    } finally {
      release.open();
    }
  });

  it('registers a new agent with a key that may, and resumes a drained agent with its own key', async () => {
    const seen: RegisteredAgent[] = [];
    const fresh = new AinsAgent({
      url: gatewayUrl,
      apiKey: (await new AinsClient({ url: gatewayUrl, apiKey: adminKey }).post('/v1/api-keys', { body: { name: 'sdk registrar', scopes: ['agents:write'] } })).api_key,
      registration: { display_name: 'sdk registered', tags: [newTag()] },
      concurrency: 3,
      onRegistered: (agent) => seen.push(agent),
      handleSignals: false,
    });
    started.push(fresh);
    await fresh.start();
    expect(seen).toEqual([expect.objectContaining({ id: fresh.id, max_concurrency: 3, api_key: expect.stringMatching(/^ains_/) })]);
    await fresh.stop();
    expect(await client.get('/v1/agents/{id}', { params: { path: { id: seen[0].id } } })).toMatchObject({ status: 'draining' });

    const again = new AinsAgent({ url: gatewayUrl, apiKey: seen[0].api_key, agentId: seen[0].id, handleSignals: false });
    started.push(again);
    await again.start();
    expect(await client.get('/v1/agents/{id}', { params: { path: { id: seen[0].id } } })).toMatchObject({ status: 'online' });
    await again.stop();
  });
});
