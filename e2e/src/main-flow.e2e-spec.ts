import { randomUUID } from 'node:crypto';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';
import { WebhookReceiver } from './support/webhook-receiver';

interface Task {
  id: string;
  status: string;
  assigned_agent_id: string | null;
  attempts?: { agent_id: string; routing: { strategy: string; candidate_count: number } | null }[];
}

interface Chain {
  id: string;
  status: string;
}

/**
 * The product's main flow, driven only through the gateway, as a client and its agents would.
 * Runs against both modes: the distributed stack and the single-process `npm start`.
 */
describe('main flow', () => {
  const receiver = new WebhookReceiver();
  let client: TestApiKey;

  beforeAll(async () => {
    client = await createApiKey({ scopes: ['tasks:read', 'tasks:write', 'webhooks:read', 'webhooks:write', 'trust:read', 'agents:read'] });
  });

  afterAll(() => receiver.stop());

  it('routes dependent tasks and a chain to registered agents, adjusts their trust, and notifies the client', async () => {
    const webhook = await api<{ id: string; secret: string }>('POST', '/v1/webhooks', { url: await receiver.start(), event_types: ['ains.task.completed.v1', 'ains.chain.*'] }, authHeaders(client));
    expect(webhook.status).toBe(201);
    receiver.trust(webhook.body.secret);

    // Two agents of this client's fleet, tagged so only they can take this test's tasks.
    const tag = `main-${randomUUID().slice(0, 8)}`;
    const agents: { id: string; key: TestApiKey }[] = [];
    for (const name of ['worker-a', 'worker-b']) {
      const agent = await api<{ id: string }>('POST', '/v1/agents', { display_name: name, tags: [tag], capabilities: [{ name: 'python', version: '3.12.1' }], max_concurrency: 2 });
      expect(agent.status).toBe(201);
      agents.push({ id: agent.body.id, key: await createApiKey({ scopes: ['agent:work'], agentId: agent.body.id, clientId: client.clientId }) });
    }

    const routing = { required_tags: [tag], capabilities: [{ name: 'python', range: '>=3.11' }] };
    const first = await api<Task>('POST', '/v1/tasks', { task_type: 'main.extract', priority: 7, input: { doc: 1 }, routing }, authHeaders(client));
    expect(first.status).toBe(201);
    const second = await api<Task>('POST', '/v1/tasks', { task_type: 'main.summarise', input: { doc: 1 }, depends_on: [first.body.id], routing }, authHeaders(client));
    expect(second.body.status).toBe('blocked');
    const chain = await api<Chain>(
      'POST',
      '/v1/task-chains',
      { name: 'main chain', steps: [{ task_type: 'main.step-one', input: { n: 1 }, routing }, { task_type: 'main.step-two', routing, input_mapping: [{ target: 'previous', source: 'steps.0.result' }] }] },
      authHeaders(client),
    );
    expect(chain.status).toBe(201);

    // The agents work: claim what they are assigned, start it, complete it.
    const completedBy = new Map<string, string>();
    await waitFor(
      async () => {
        for (const agent of agents) {
          const claimed = await api<{ data: Task[] }>('POST', `/v1/agents/${agent.id}/claim`, { wait_ms: 500 }, authHeaders(agent.key));
          for (const task of claimed.body.data ?? []) {
            await api('POST', `/v1/tasks/${task.id}/start`, {}, authHeaders(agent.key));
            const done = await api('POST', `/v1/tasks/${task.id}/complete`, { result: { by: agent.id, task: task.id } }, authHeaders(agent.key));
            if (done.status === 200) completedBy.set(task.id, agent.id);
          }
        }
        const chainNow = await api<Chain>('GET', `/v1/task-chains/${chain.body.id}`, undefined, authHeaders(client));
        return completedBy.has(first.body.id) && completedBy.has(second.body.id) && chainNow.body.status === 'completed';
      },
      { timeoutMs: 120_000, intervalMs: 50, description: 'both tasks and the chain to complete' },
    );
    const secondDone = await api<Task>('GET', `/v1/tasks/${second.body.id}`, undefined, authHeaders(client));
    expect(secondDone.body.status).toBe('completed');
    // Why it went where it went: routing's strategy and how many capable agents it chose from.
    expect(secondDone.body.attempts?.[0]).toMatchObject({ agent_id: completedBy.get(second.body.id), routing: { strategy: expect.any(String), candidate_count: expect.any(Number) } });

    // Trust moves with outcomes: +0.02 per completed task from 0.5.
    const busiest = agents.find((agent) => [...completedBy.values()].includes(agent.id));
    expect(busiest).toBeDefined();
    await waitFor(
      async () => {
        const trust = await api<{ score: number }>('GET', `/v1/agents/${busiest?.id}/trust`, undefined, authHeaders(client));
        return trust.status === 200 && trust.body.score > 0.5;
      },
      { description: 'the trust score to rise' },
    );

    // The client heard about it through a signed webhook.
    await waitFor(() => receiver.received.some((event) => event.type === 'ains.task.completed.v1' && event.subject === first.body.id), {
      timeoutMs: 30_000,
      description: 'the task.completed webhook',
    });
    await waitFor(() => receiver.received.some((event) => event.type === 'ains.chain.completed.v1' && event.subject === chain.body.id), {
      timeoutMs: 30_000,
      description: 'the chain.completed webhook',
    });
    expect(receiver.rejected).toEqual([]);
  });
});
