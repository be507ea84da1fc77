import { randomUUID } from 'node:crypto';
import { AinsAgent, type AgentStats } from '@ains/agent-sdk';
import { AinsClient, type Task } from '@ains/sdk';
import { waitFor } from '@ains/testing';
import { adminKey } from './support/auth';
import { restartService } from './support/service-process';
import { gatewayUrl } from './support/stack-env';

/**
 * The agent work protocol at fleet scale, through the gateway with the agent SDK: claim-and-start,
 * batched reports, the agent work budget, and outcomes that outlast rate limits and outages.
 */
describe('the agent work protocol at fleet scale', () => {
  const started: AinsAgent[] = [];
  let client: AinsClient;
  let clientId: string;
  const admin = new AinsClient({ url: gatewayUrl, apiKey: adminKey });

  beforeAll(async () => {
    clientId = `e2e-work-${randomUUID()}`;
    const key = await admin.post('/v1/api-keys', { body: { name: 'work protocol e2e', client_id: clientId, scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write'], rate_limit_per_minute: 6_000 } });
    client = new AinsClient({ url: gatewayUrl, apiKey: key.api_key });
  });

  afterAll(() => Promise.all(started.map((agent) => agent.stop())));

  /** Registers an agent for `tag`, and runs it with a key of its own limited to `perMinute`. */
  async function runAgent(tag: string, concurrency: number, perMinute: number, configure: (agent: AinsAgent) => void): Promise<{ agent: AinsAgent; agentId: string }> {
    const registered = await client.post('/v1/agents', { body: { display_name: `work ${tag}`, tags: [tag], max_concurrency: concurrency } });
    const key = await admin.post('/v1/api-keys', { body: { name: `agent ${tag}`, client_id: clientId, scopes: ['agent:work'], agent_id: registered.id, rate_limit_per_minute: perMinute } });
    const agent = new AinsAgent({ url: gatewayUrl, apiKey: key.api_key, agentId: registered.id, concurrency, claimWaitMs: 2_000, handleSignals: false });
    configure(agent);
    started.push(agent);
    await agent.start();
    return { agent, agentId: registered.id };
  }

  const newTag = () => `work-${randomUUID().slice(0, 8)}`;
  async function submit(tag: string, taskType: string, count: number, input: Record<string, unknown> = {}): Promise<string[]> {
    const batch = await client.post('/v1/tasks/batch', { body: { tasks: Array.from({ length: count }, () => ({ task_type: taskType, priority: 10, input, routing: { required_tags: [tag] } })) }, params: { header: { 'Idempotency-Key': randomUUID() } } });
    return batch.data.map((task) => task.id);
  }
  const finished = (ids: string[], timeoutMs: number) => Promise.all(ids.map((id) => client.waitForTask(id, { timeoutMs, intervalMs: 500 })));
  const agentMetrics = (agentId: string) => client.get('/v1/agents/{id}', { params: { path: { id: agentId } } });

  it('lets an agent whose key allows 60 requests a minute complete 500 tasks, none timed out, its trust charged for nothing', async () => {
    const tag = newTag();
    const taskType = `work.noop-${tag}`;
    const { agent, agentId } = await runAgent(tag, 32, 60, (worker) => worker.handle(taskType, () => ({ ok: true })));
    const ids = await submit(tag, taskType, 500);

    // Tasks of other suites without required tags may reach the agent too (and fail: no handler), so only this test's count.
    await waitFor(() => agent.stats.completed + agent.stats.lost + agent.stats.givenUp >= 500, { timeoutMs: 280_000, intervalMs: 500, description: 'the agent to report all 500 tasks' });
    const tasks: Task[] = [];
    for await (const task of client.paginate('/v1/tasks', { params: { query: { task_type: taskType, limit: 200 } } })) tasks.push(task);
    expect(tasks.map((task) => task.id).sort()).toEqual([...ids].sort());
    // Completed on their first attempt: no attempt timed out (or failed) before.
    expect(tasks.filter((task) => task.status !== 'completed' || task.attempt !== 1)).toEqual([]);
    expect(agent.stats).toMatchObject<Partial<AgentStats>>({ completed: 500, lost: 0, givenUp: 0 });
    const detail = await waitFor(async () => {
      const seen = await agentMetrics(agentId);
      return seen.metrics.completed === 500 && seen.trust ? seen : undefined;
    }, { timeoutMs: 60_000, description: 'the agent’s metrics to count the completions' });
    expect(detail.metrics).toMatchObject({ completed: 500, timed_out: 0 });
    expect(detail.trust?.score).toBeGreaterThanOrEqual(0.5);
  }, 300_000);

  it('turns a result the platform refuses to store into a clear failure of the task, not a timeout', async () => {
    const tag = newTag();
    const { agent } = await runAgent(tag, 2, 600, (worker) => worker.handle('work.nul', () => ({ text: 'a \u0000 b' })));
    const [id] = await submit(tag, 'work.nul', 1);
    const [task] = await finished([id], 80_000);
    expect(task).toMatchObject({ status: 'failed', retry_at: null, error: expect.stringContaining('The platform refused the result'), attempts: [{ outcome: 'failed' }] });
    expect(agent.stats).toMatchObject({ failed: 1, givenUp: 0 });
  });

  it('keeps finished results through a task-service outage longer than any retry budget: all applied once it returns, none run twice, no timeout charged', async () => {
    const tag = newTag();
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    const handler = async () => {
      running++;
      await released;
      return { done: true };
    };
    const agents = [await runAgent(tag, 4, 600, (worker) => worker.handle('work.held', handler)), await runAgent(tag, 4, 600, (worker) => worker.handle('work.held', handler))];
    const ids = await submit(tag, 'work.held', 8);
    await waitFor(() => running === 8, { timeoutMs: 80_000, description: 'both agents to run all eight tasks' });

    // Down for 35 s: the results are finished while it is down, and every report meets 503s or refused connections.
    await restartService('task-service', 35_000, async () => release());

    const tasks = await finished(ids, 120_000);
    expect(tasks.map((task) => task.status)).toEqual(ids.map(() => 'completed'));
    for (const task of tasks) expect(task.attempts).toMatchObject([{ attempt: 1, outcome: 'completed' }]);
    expect(running).toBe(8);
    const stats = agents.map(({ agent }) => agent.stats);
    expect(stats.reduce((sum, { completed }) => sum + completed, 0)).toBe(8);
    expect(stats.reduce((sum, { lost, givenUp }) => sum + lost + givenUp, 0)).toBe(0);
    for (const { agentId } of agents) {
      const metrics = await waitFor(async () => {
        const seen = await agentMetrics(agentId);
        return seen.metrics.completed === 4 ? seen.metrics : undefined;
      }, { timeoutMs: 60_000, description: 'the agent’s metrics to count its completions' });
      expect(metrics.timed_out).toBe(0);
    }
  }, 240_000);
});
