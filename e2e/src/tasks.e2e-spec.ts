import { randomUUID } from 'node:crypto';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';

interface Task {
  id: string;
  status: string;
  assigned_agent_id: string | null;
  result: Record<string, unknown> | null;
  attempts?: { agent_id: string; outcome: string | null; routing: { strategy: string; candidate_count: number; candidates: { agent_id: string | null; score: number; factors: Record<string, number>; chosen: boolean }[] } | null }[];
}

interface TaskStats {
  scope: string;
  by_status: Record<string, number>;
  queue: { depth: number; by_priority: { priority: number; count: number }[] };
  last_hour: { buckets: { created: number; completed: number; failed: number }[] };
}

describe('tasks through the gateway', () => {
  let client: TestApiKey;

  beforeAll(async () => {
    client = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
  });

  it('runs a task end to end: routed to a capable agent, claimed, started and completed by it', async () => {
    const tag = `e2e-${randomUUID().slice(0, 8)}`;
    const agent = await api<{ id: string }>('POST', '/v1/agents', { display_name: 'e2e worker', tags: [tag], capabilities: [{ name: 'python', version: '3.12.1' }], max_concurrency: 1_000 });
    expect(agent.status).toBe(201);
    const agentKey = await createApiKey({ scopes: ['agent:work'], agentId: agent.body.id, clientId: client.clientId });

    const created = await api<Task>('POST', '/v1/tasks', { task_type: 'e2e.summarise', priority: 10, input: { text: 'hello' }, routing: { required_tags: [tag], capabilities: [{ name: 'python', range: '>=3.11' }] } }, authHeaders(client));
    expect(created.status).toBe(201);
    const taskId = created.body.id;

    const claimed = await waitFor(
      async () => {
        const response = await api<{ data: Task[] }>('POST', `/v1/agents/${agent.body.id}/claim`, { wait_ms: 2_000 }, authHeaders(agentKey));
        expect(response.status).toBe(200);
        return response.body.data.find((task) => task.id === taskId);
      },
      // A fresh stack's consumer groups first replay what the shared broker already holds: routing
      // may hand this agent older tasks without requirements first, hence its capacity and the priority.
      { timeoutMs: 80_000, description: 'routing to assign the task to the agent' },
    );
    expect(claimed).toMatchObject({ status: 'assigned', assigned_agent_id: agent.body.id });

    expect((await api('POST', `/v1/tasks/${taskId}/start`, {}, authHeaders(agentKey))).status).toBe(200);
    const completed = await api<Task>('POST', `/v1/tasks/${taskId}/complete`, { result: { summary: 'hi' } }, authHeaders(agentKey));
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', result: { summary: 'hi' } });

    const detail = await api<Task>('GET', `/v1/tasks/${taskId}`, undefined, authHeaders(client));
    expect(detail.body.attempts).toMatchObject([{ agent_id: agent.body.id, outcome: 'completed' }]);
    // Why that agent: routing's ranked candidates, the chosen one among them with its score.
    const routing = detail.body.attempts?.[0].routing;
    expect(routing?.candidates.length).toBeGreaterThanOrEqual(1);
    expect(routing?.candidates.length).toBeLessThanOrEqual(Math.min(5, routing?.candidate_count ?? 0));
    const chosen = routing?.candidates.filter((candidate) => candidate.chosen);
    expect(chosen).toHaveLength(1);
    expect(chosen?.[0]).toMatchObject({ agent_id: agent.body.id });
    expect(chosen?.[0].score).toBeGreaterThanOrEqual(0);
    expect(Object.keys(chosen?.[0].factors ?? {}).length).toBeGreaterThan(0);
  });

  it('counts a client’s own tasks only in its statistics', async () => {
    const owner = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
    const stranger = await createApiKey({ scopes: ['tasks:read'] });
    for (const priority of [8, 8, 3]) expect((await api('POST', '/v1/tasks', { task_type: 'e2e.counted', priority, routing: { required_tags: ['e2e-no-such-agent'] } }, authHeaders(owner))).status).toBe(201);
    const mine = await waitFor(
      async () => {
        const answer = await api<TaskStats>('GET', '/v1/tasks/stats', undefined, authHeaders(owner));
        expect(answer.status).toBe(200);
        // Answers are cached for a few seconds.
        return answer.body.by_status.queued === 3 && answer.body;
      },
      { timeoutMs: 30_000, description: 'the statistics to count the new tasks' },
    );
    expect(mine.scope).toBe('client');
    expect(mine.queue.by_priority.filter((level) => level.count > 0)).toEqual([expect.objectContaining({ priority: 8, count: 2 }), expect.objectContaining({ priority: 3, count: 1 })]);
    expect(mine.last_hour.buckets.reduce((sum, bucket) => sum + bucket.created, 0)).toBe(3);
    const theirs = await api<TaskStats>('GET', '/v1/tasks/stats', undefined, authHeaders(stranger));
    expect(theirs.body.queue.depth).toBe(0);
    expect(Object.values(theirs.body.by_status).every((count) => count === 0)).toBe(true);
  });

  it('keeps agent keys to their own agent and to reporting', async () => {
    // Keys can only be bound to registered agents.
    const agentId = (await api<{ id: string }>('POST', '/v1/agents', { display_name: 'e2e bound agent' })).body.id;
    const agentKey = await createApiKey({ scopes: ['agent:work'], agentId });
    expect((await api('POST', `/v1/agents/${randomUUID()}/claim`, { wait_ms: 0 }, authHeaders(agentKey))).status).toBe(403);
    expect((await api('POST', `/v1/agents/${agentId}/claim`, { wait_ms: 0 }, authHeaders(agentKey))).body).toEqual({ data: [] });
    expect((await api('POST', '/v1/tasks', { task_type: 'e2e.forbidden' }, authHeaders(agentKey))).status).toBe(403);

    const task = await api<Task>('POST', '/v1/tasks', { task_type: 'e2e.not-yours' }, authHeaders(client));
    expect((await api('POST', `/v1/tasks/${task.body.id}/complete`, { result: {} }, authHeaders(agentKey))).status).toBe(404);
  });

  it('creates batches with intra-batch dependencies and refuses cycles, templates and chains included', async () => {
    const batch = await api<{ data: (Task & { ref: string })[] }>(
      'POST',
      '/v1/tasks/batch',
      { tasks: [{ ref: 'a', task_type: 'e2e.a' }, { ref: 'b', task_type: 'e2e.b', depends_on_refs: ['a'] }] },
      authHeaders(client),
    );
    expect(batch.status).toBe(201);
    expect(batch.body.data.map((task) => [task.ref, task.status])).toEqual([['a', 'queued'], ['b', 'blocked']]);
    const cycle = await api<{ detail: string }>('POST', '/v1/tasks/batch', { tasks: [{ ref: 'x', task_type: 'e2e.x', depends_on_refs: ['y'] }, { ref: 'y', task_type: 'e2e.y', depends_on_refs: ['x'] }] }, authHeaders(client));
    expect(cycle.status).toBe(422);
    expect(cycle.body.detail).toContain('x → y → x');

    const template = await api<{ id: string }>('POST', '/v1/task-templates', { name: 'e2e', task_type: 'e2e.templated', defaults: { priority: 2, input: { a: 1 } } }, authHeaders(client));
    expect(template.status).toBe(201);
    const fromTemplate = await api('POST', `/v1/task-templates/${template.body.id}/tasks`, { input: { b: 2 } }, authHeaders(client));
    expect(fromTemplate.body).toMatchObject({ task_type: 'e2e.templated', priority: 2, input: { a: 1, b: 2 } });

    const chain = await api<{ id: string; status: string }>('POST', '/v1/task-chains', { name: 'e2e chain', steps: [{ task_type: 'e2e.one' }, { template_id: template.body.id, input_mapping: [{ target: 'previous', source: 'steps.0.result' }] }] }, authHeaders(client));
    expect(chain.status).toBe(201);
    expect((await api('GET', `/v1/task-chains/${chain.body.id}`, undefined, authHeaders(client))).body).toMatchObject({ status: 'running', current_step: 0, steps: [{ task_type: 'e2e.one' }, { task_type: 'e2e.templated', task_id: null }] });
  });
});
