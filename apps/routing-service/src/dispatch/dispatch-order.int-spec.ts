import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, waitFor } from '@ains/testing';
import { completedTask, EventFeed, queuedTask, registeredAgent, type SimulatedTask } from '../testing/event-feed';
import { DECIDED_EVENTS_SQL, startRoutingApp, type DecidedRow } from '../testing/routing-app';
import { QueueRepository } from './queue.repository';

const db = testEnv.databaseUrl;
const uniqueTag = () => `t${randomUUID().slice(0, 8)}`;

async function decided(taskIds: string[], atLeast: number): Promise<DecidedRow[]> {
  return waitFor(
    async () => {
      const rows = await query<DecidedRow>(db, DECIDED_EVENTS_SQL, [taskIds]);
      return rows.length >= atLeast && rows;
    },
    { description: `${atLeast} routing decision(s)` },
  );
}

/**
 * One agent with one slot serves the tasks one by one: each decision is completed before the
 * next can be made, so the order of decisions is the order the queue serves.
 */
async function serveOneByOne(feed: EventFeed, agentId: string, taskIds: string[]): Promise<string[]> {
  const order: string[] = [];
  while (order.length < taskIds.length) {
    const rows = await decided(taskIds, order.length + 1);
    const next = rows[order.length].task_id;
    order.push(next);
    await feed.deliver('ains.task.completed.v1', next, completedTask(next, agentId));
  }
  return order;
}

describe('dispatch order (routing-service, real Postgres, simulated tasks and agents)', () => {
  let app: NestFastifyApplication;
  let feed: EventFeed;

  beforeAll(async () => {
    await ensureDatabase(db);
    await dropSchemas(db, 'routing');
    // A window of two tasks per level: tasks no agent can take fill it quickly (see the last test).
    app = await startRoutingApp(serviceTestEnv({ ROUTING_DISPATCH_INTERVAL_MS: '50', ROUTING_DISPATCH_WINDOW: '2' }));
    feed = new EventFeed(app);
  });

  afterAll(() => app?.close());

  const queue = (task: SimulatedTask) => feed.deliver('ains.task.queued.v1', task.taskId, queuedTask(task));

  it('queues a task runnable at creation from its created event, and not one that waits for dependencies', async () => {
    const tag = uniqueTag();
    const runnable = randomUUID();
    const blocked = randomUUID();
    const createdEvent = (taskId: string, queued: boolean) => {
      const { taskId: _id, clientId, taskType, priority, ...attempt } = queuedTask({ taskId, requiredTags: [tag] });
      return { taskId, clientId, taskType, priority, status: queued ? ('queued' as const) : ('blocked' as const), dependsOn: [], chainId: null, scheduleId: null, createdAt: new Date().toISOString(), queued: queued ? attempt : null };
    };
    await feed.deliver('ains.task.created.v1', blocked, createdEvent(blocked, false));
    await feed.deliver('ains.task.created.v1', runnable, createdEvent(runnable, true));
    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 2 }));
    const [decision] = await decided([runnable, blocked], 1);
    expect(decision).toMatchObject({ task_id: runnable, agent_id: agentId });
    expect(await query(db, 'SELECT task_id FROM routing.queue WHERE task_id = $1', [blocked])).toEqual([]);
  });

  it('serves higher effective priority first, while a capable agent is free', async () => {
    const tag = uniqueTag();
    const at = new Date();
    const tasks = { p3: randomUUID(), p10: randomUUID(), p7: randomUUID(), p5: randomUUID(), p1: randomUUID() };
    // The lower priorities are the older ones, so FIFO alone would serve them first.
    await queue({ taskId: tasks.p1, priority: 1, requiredTags: [tag], queuedAt: new Date(at.getTime() - 5) });
    await queue({ taskId: tasks.p3, priority: 3, requiredTags: [tag], queuedAt: new Date(at.getTime() - 4) });
    await queue({ taskId: tasks.p5, priority: 5, requiredTags: [tag], queuedAt: new Date(at.getTime() - 3) });
    await queue({ taskId: tasks.p7, priority: 7, requiredTags: [tag], queuedAt: new Date(at.getTime() - 2) });
    await queue({ taskId: tasks.p10, priority: 10, requiredTags: [tag], queuedAt: at });
    // Priority inheritance: task-service raised p1's effective priority above p7.
    await feed.deliver('ains.task.priority_changed.v1', tasks.p1, { taskId: tasks.p1, clientId: 'client-sim', taskType: 'simulate', effectivePriority: 8, changedAt: new Date().toISOString() });

    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 1 }));
    const order = await serveOneByOne(feed, agentId, Object.values(tasks));
    expect(order).toEqual([tasks.p10, tasks.p1, tasks.p7, tasks.p5, tasks.p3]);
    // Each decision is timed from its task's queuing (ains_dispatch_latency_seconds).
    await waitFor(
      async () => {
        const metrics = await app.inject({ method: 'GET', url: '/metrics' });
        return Number(/^ains_dispatch_latency_seconds_count (\d+)$/m.exec(metrics.body)?.[1]) >= order.length;
      },
      { description: 'the dispatch latency of every decision' },
    );
  });

  it('serves tasks of one priority in the order they were queued, not the order their events arrived', async () => {
    const tag = uniqueTag();
    const base = Date.now();
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const index of [3, 0, 4, 2, 1]) await queue({ taskId: ids[index], priority: 6, requiredTags: [tag], queuedAt: new Date(base + index) });
    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 1 }));
    expect(await serveOneByOne(feed, agentId, ids)).toEqual(ids);
  });

  it('decides the highest-priority tasks first when several slots free up at once', async () => {
    const tag = uniqueTag();
    const low = Array.from({ length: 3 }, () => randomUUID());
    const high = Array.from({ length: 3 }, () => randomUUID());
    for (const taskId of low) await queue({ taskId, priority: 2, requiredTags: [tag], queuedAt: new Date(Date.now() - 60_000) });
    for (const taskId of high) await queue({ taskId, priority: 9, requiredTags: [tag] });
    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 3 }));
    const rows = await decided([...low, ...high], 3);
    expect(rows.map((row) => row.task_id).sort()).toEqual([...high].sort());
  });

  it('looks past a full window of tasks no agent can take to the task behind them', async () => {
    const base = Date.now() - 60_000;
    const stuck = Array.from({ length: 3 }, () => randomUUID());
    for (const [i, taskId] of stuck.entries()) await queue({ taskId, priority: 4, requiredTags: [uniqueTag()], queuedAt: new Date(base + i) });
    const tag = uniqueTag();
    const servable = randomUUID();
    await queue({ taskId: servable, priority: 4, requiredTags: [tag], queuedAt: new Date(base + 10) });

    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 1 }));
    const [decision] = await decided([servable], 1);
    expect(decision).toMatchObject({ task_id: servable, agent_id: agentId });
  });

  it('reads a backlog no agent can take once while the fleet stays the same, and still serves what arrives later or what a new agent can take', async () => {
    const backlogTag = uniqueTag();
    const backlog = Array.from({ length: 4 }, () => randomUUID());
    for (const taskId of backlog) await queue({ taskId, requiredTags: [backlogTag] });
    const tag = uniqueTag();
    const agentId = randomUUID();
    const repository = app.get(QueueRepository);
    const fromHead = jest.spyOn(repository, 'window');
    const arrivals = jest.spyOn(repository, 'arrivedAfter');
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 5 }));
    // The agent's arrival changed the fleet: a round reads the queue from its head, finds nothing, and the next reads only arrivals.
    await waitFor(async () => fromHead.mock.calls.length > 0 && arrivals.mock.calls.length > 0, { description: 'a round that reads only new arrivals' });

    fromHead.mockClear();
    const servable = randomUUID();
    await queue({ taskId: servable, requiredTags: [tag] });
    expect((await decided([servable], 1))[0]).toMatchObject({ task_id: servable, agent_id: agentId });
    // One slot of five taken: nothing that decides matching changed, so the backlog was not read again.
    expect(fromHead).not.toHaveBeenCalled();

    const capable = randomUUID();
    await feed.deliver('ains.agent.registered.v1', capable, registeredAgent(capable, { tags: [backlogTag], maxConcurrency: 4 }));
    const rows = await decided(backlog, 4);
    expect(rows.map((row) => row.agent_id)).toEqual(backlog.map(() => capable));
    expect(fromHead).toHaveBeenCalled();
    fromHead.mockRestore();
    arrivals.mockRestore();
  });

  it('routes with the task type’s policy, a task’s own strategy winning over it, and records the candidate count', async () => {
    const tag = uniqueTag();
    const caller = testCaller({ clientId: 'client-sim', scopes: ['tasks:write'] });
    const url = '/v1/routing/policies/policy-test';
    const put = await app.inject({ method: 'PUT', url, headers: callerHeaders('PUT', url, caller), payload: { strategy: 'round_robin' } });
    expect(put.statusCode).toBe(200);
    const agents = [randomUUID(), randomUUID()];
    for (const agentId of agents) await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 5 }));
    const byPolicy = randomUUID();
    const ownStrategy = randomUUID();
    await queue({ taskId: byPolicy, taskType: 'policy-test', requiredTags: [tag] });
    await queue({ taskId: ownStrategy, taskType: 'policy-test', requiredTags: [tag], strategy: 'fastest_response' });
    const rows = await decided([byPolicy, ownStrategy], 2);
    expect(rows.find((row) => row.task_id === byPolicy)).toMatchObject({ strategy: 'round_robin', candidate_count: 2, attempt: 1 });
    expect(rows.find((row) => row.task_id === ownStrategy)).toMatchObject({ strategy: 'fastest_response' });
  });

  it('sends with each decision the best-ranked candidates, their scores and factors, the chosen agent among them', async () => {
    const tag = uniqueTag();
    const trust = [9_000, 6_000, 3_000];
    const agents = trust.map(() => randomUUID());
    for (const [index, agentId] of agents.entries()) {
      await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 2 }));
      await feed.deliver('ains.trust.score_changed.v1', agentId, { agentId, scoreBp: trust[index], previousScoreBp: 5_000, tier: 'good', reason: 'test', taskId: null, changedAt: new Date().toISOString() });
    }
    const taskId = randomUUID();
    await queue({ taskId, requiredTags: [tag], strategy: 'trust_weighted' });
    const [decision] = await decided([taskId], 1);
    const [event] = await query<{ payload: { agentId: string; candidateCount: number; candidates: { agentId: string; score: number; factors: Record<string, number> }[] } }>(
      db,
      `SELECT payload FROM routing.outbox WHERE event_type = 'ains.routing.decided.v1' AND message_key = $1`,
      [taskId],
    );
    expect(event.payload.candidateCount).toBe(3);
    // Most trusted first, each scored by its chance of being picked.
    expect(event.payload.candidates).toEqual([
      { agentId: agents[0], score: 0.5, factors: { trust: 0.9 } },
      { agentId: agents[1], score: 0.3333, factors: { trust: 0.6 } },
      { agentId: agents[2], score: 0.1667, factors: { trust: 0.3 } },
    ]);
    expect(event.payload.candidates.map((candidate) => candidate.agentId)).toContain(decision.agent_id);
  });
});

describe('starvation prevention (age boost every 150 ms)', () => {
  let app: NestFastifyApplication;
  let feed: EventFeed;

  beforeAll(async () => {
    app = await startRoutingApp(serviceTestEnv({ ROUTING_DISPATCH_INTERVAL_MS: '20', ROUTING_AGE_BOOST_INTERVAL_MS: '150', ROUTING_AGE_BOOST_MAX: '10' }));
    feed = new EventFeed(app);
  });

  afterAll(() => app?.close());

  it('serves an old priority-1 task under a steady stream of priority-10 tasks', async () => {
    const tag = uniqueTag();
    const queue = (taskId: string, priority: number) => feed.deliver('ains.task.queued.v1', taskId, queuedTask({ taskId, priority, requiredTags: [tag] }));
    const lowly = randomUUID();
    await queue(lowly, 1);
    const stream = [randomUUID(), randomUUID()];
    for (const taskId of stream) await queue(taskId, 10);
    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 1 }));

    // Each time the agent finishes a task, a fresh priority-10 task arrives: two are always waiting.
    const order: string[] = [];
    await waitFor(
      async () => {
        const rows = await query<DecidedRow>(db, DECIDED_EVENTS_SQL, [[lowly, ...stream]]);
        for (const row of rows.slice(order.length)) {
          order.push(row.task_id);
          if (row.task_id === lowly) return true;
          const next = randomUUID();
          stream.push(next);
          await queue(next, 10);
          await feed.deliver('ains.task.completed.v1', row.task_id, completedTask(row.task_id, agentId));
        }
        return false;
      },
      { timeoutMs: 30_000, intervalMs: 10, description: 'the priority-1 task to be served' },
    );
    expect(order).toContain(lowly);
    // It waited behind urgent work first: the boost, not FIFO, let it through.
    expect(order.indexOf(lowly)).toBeGreaterThan(0);
  });
});
