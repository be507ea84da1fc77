import { randomUUID } from 'node:crypto';
import { AinsAgent } from '@ains/agent-sdk';
import { AinsClient } from '@ains/sdk';
import { waitFor } from '@ains/testing';
import { adminKey, createApiKey, type TestApiKey } from './support/auth';
import { gatewayUrl } from './support/stack-env';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * The product's main flow, driven only through the gateway, as a client and its agents would: the
 * client with `AinsClient`, the agents with `AinsAgent`. Runs against both modes: the distributed
 * stack and the single-process `npm start`.
 */
describe('main flow', () => {
  const receiver = new WebhookReceiver();
  const admin = new AinsClient({ url: gatewayUrl, apiKey: adminKey });
  const workers: AinsAgent[] = [];
  let client: TestApiKey;
  let ains: AinsClient;

  beforeAll(async () => {
    client = await createApiKey({ scopes: ['tasks:read', 'tasks:write', 'webhooks:read', 'webhooks:write', 'trust:read', 'agents:read'] });
    ains = new AinsClient({ url: gatewayUrl, apiKey: client.key });
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await receiver.stop();
  });

  it('routes dependent tasks and a chain to registered agents, adjusts their trust, and notifies the client', async () => {
    const webhook = await ains.raw.POST('/v1/webhooks', { body: { url: await receiver.start(), event_types: ['ains.task.completed.v1', 'ains.chain.*'] } });
    expect(webhook.response.status).toBe(201);
    receiver.trust(webhook.data!.secret);

    // Two agents of this client's fleet, tagged so only they can take this test's tasks. Each
    // completes what it is given with a result naming itself and the task, two at a time. Routing
    // sees a large capacity: a fresh stack's consumers first replay what the broker already holds,
    // and decisions for those older tasks (never applied here) must not fill the agents' slots.
    const tag = `main-${randomUUID().slice(0, 8)}`;
    const completedBy = new Map<string, string>();
    const agents: { id: string; key: TestApiKey }[] = [];
    for (const name of ['worker-a', 'worker-b']) {
      const agent = await admin.raw.POST('/v1/agents', { body: { display_name: name, tags: [tag], capabilities: [{ name: 'python', version: '3.12.1' }], max_concurrency: 1_000 } });
      expect(agent.response.status).toBe(201);
      const id = agent.data!.id;
      const key = await createApiKey({ scopes: ['agent:work'], agentId: id, clientId: client.clientId });
      agents.push({ id, key });
      const worker = new AinsAgent({ url: gatewayUrl, apiKey: key.key, agentId: id, concurrency: 2, claimWaitMs: 500, handleSignals: false });
      for (const taskType of ['main.extract', 'main.summarise', 'main.step-one', 'main.step-two']) {
        worker.handle(taskType, (_input, ctx) => {
          completedBy.set(ctx.task.id, id);
          return { by: id, task: ctx.task.id };
        });
      }
      workers.push(worker);
    }

    const routing = { required_tags: [tag], capabilities: [{ name: 'python', range: '>=3.11' }] };
    const first = await ains.raw.POST('/v1/tasks', { body: { task_type: 'main.extract', priority: 7, input: { doc: 1 }, routing } });
    expect(first.response.status).toBe(201);
    const firstId = first.data!.id;
    const second = await ains.post('/v1/tasks', { body: { task_type: 'main.summarise', input: { doc: 1 }, depends_on: [firstId], routing } });
    expect(second.status).toBe('blocked');
    const chain = await ains.raw.POST('/v1/task-chains', {
      body: { name: 'main chain', steps: [{ task_type: 'main.step-one', input: { n: 1 }, routing }, { task_type: 'main.step-two', routing, input_mapping: [{ target: 'previous', source: 'steps.0.result' }] }] },
    });
    expect(chain.response.status).toBe(201);
    const chainId = chain.data!.id;

    // The agents work: claim what they are assigned, start it, complete it.
    await Promise.all(workers.map((worker) => worker.start()));
    await waitFor(
      async () => {
        const [firstNow, secondNow, chainNow] = await Promise.all([
          ains.get('/v1/tasks/{id}', { params: { path: { id: firstId } } }),
          ains.get('/v1/tasks/{id}', { params: { path: { id: second.id } } }),
          ains.get('/v1/task-chains/{id}', { params: { path: { id: chainId } } }),
        ]);
        return completedBy.has(firstId) && completedBy.has(second.id) && firstNow.status === 'completed' && secondNow.status === 'completed' && chainNow.status === 'completed';
      },
      { timeoutMs: 120_000, intervalMs: 50, description: 'both tasks and the chain to complete' },
    );
    const secondDone = await ains.get('/v1/tasks/{id}', { params: { path: { id: second.id } } });
    expect(secondDone.status).toBe('completed');
    expect(secondDone.result).toEqual({ by: completedBy.get(second.id), task: second.id });
    // Why it went where it went: routing's strategy and how many capable agents it chose from.
    expect(secondDone.attempts[0]).toMatchObject({ agent_id: completedBy.get(second.id), routing: { strategy: expect.any(String), candidate_count: expect.any(Number) } });

    // Trust moves with outcomes: +0.02 per completed task from 0.5.
    const busiest = agents.find((agent) => [...completedBy.values()].includes(agent.id));
    expect(busiest).toBeDefined();
    await waitFor(
      async () => {
        const trust = await ains.raw.GET('/v1/agents/{id}/trust', { params: { path: { id: busiest!.id } } });
        return trust.response.status === 200 && trust.data!.score > 0.5;
      },
      { description: 'the trust score to rise' },
    );

    // The client heard about it through a signed webhook.
    await waitFor(() => receiver.received.some((event) => event.type === 'ains.task.completed.v1' && event.subject === firstId), {
      timeoutMs: 30_000,
      description: 'the task.completed webhook',
    });
    await waitFor(() => receiver.received.some((event) => event.type === 'ains.chain.completed.v1' && event.subject === chainId), {
      timeoutMs: 30_000,
      description: 'the chain.completed webhook',
    });
    expect(receiver.rejected).toEqual([]);
    // Above the suite's 90 s: the waits inside (up to 120 s for the work, 30 s for trust and the webhook) bound it.
  }, 200_000);
});
