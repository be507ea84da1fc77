import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv, waitFor } from '@ains/testing';
import { completedTask, EventFeed, queuedTask, registeredAgent, type SimulatedTask } from '../testing/event-feed';
import { DECIDED_EVENTS_SQL, startRoutingApp, type DecidedRow } from '../testing/routing-app';

const db = testEnv.databaseUrl;
const uniqueTag = () => `t${randomUUID().slice(0, 8)}`;
const now = () => new Date().toISOString();

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
 * The oracle for the concurrency limit, installed by the test in routing's schema: whenever a
 * decision is inserted, it counts the agent's unfinished decisions (as committed at that moment,
 * plus this one) and records any excess over the agent's max_concurrency.
 */
async function installConcurrencyOracle(): Promise<void> {
  await query(db, 'CREATE TABLE IF NOT EXISTS routing.test_overbookings (agent_id uuid, in_flight int, max_concurrency int)');
  await query(
    db,
    `CREATE OR REPLACE FUNCTION routing.test_check_overbooking() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE in_flight int; limit_ int;
     BEGIN
       SELECT count(*) INTO in_flight FROM routing.decisions WHERE agent_id = NEW.agent_id AND released_at IS NULL;
       SELECT max_concurrency INTO limit_ FROM routing.agents WHERE agent_id = NEW.agent_id;
       IF in_flight > limit_ THEN INSERT INTO routing.test_overbookings VALUES (NEW.agent_id, in_flight, limit_); END IF;
       RETURN NEW;
     END $$`,
  );
  await query(db, 'DROP TRIGGER IF EXISTS test_overbooking ON routing.decisions');
  await query(db, 'CREATE TRIGGER test_overbooking AFTER INSERT ON routing.decisions FOR EACH ROW EXECUTE FUNCTION routing.test_check_overbooking()');
}

describe('failover and concurrency (two routing-service instances, real Postgres)', () => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;
  let feeds: EventFeed[];
  const feed = () => feeds[0];

  beforeAll(async () => {
    await ensureDatabase(db);
    await dropSchemas(db, 'routing');
    const env = serviceTestEnv({ ROUTING_DISPATCH_INTERVAL_MS: '30' });
    first = await startRoutingApp(env);
    second = await startRoutingApp(env);
    feeds = [new EventFeed(first), new EventFeed(second)];
    await installConcurrencyOracle();
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const queue = (task: SimulatedTask, via = feed()) => via.deliver('ains.task.queued.v1', task.taskId, queuedTask(task));
  const register = (agentId: string, tags: string[], maxConcurrency: number) => feed().deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags, maxConcurrency }));
  const setStatus = (agentId: string, status: 'online' | 'offline' | 'draining' | 'deregistered', previousStatus: 'online' | 'offline' | 'draining') =>
    feed().deliver('ains.agent.status_changed.v1', agentId, { agentId, status, previousStatus, reason: 'test', changedAt: now() });

  it('never gives an agent more than its max_concurrency and decides each task once, with two dispatchers racing', async () => {
    const tag = uniqueTag();
    const limits = [1, 2, 3, 1, 2];
    const agents = limits.map(() => randomUUID());
    for (const [index, agentId] of agents.entries()) await register(agentId, [tag], limits[index]);
    const tasks = Array.from({ length: 60 }, () => randomUUID());
    // Both instances consume (as two replicas sharing a consumer group would) and both dispatch.
    await Promise.all(tasks.map((taskId, index) => queue({ taskId, priority: 1 + (index % 10), requiredTags: [tag] }, feeds[index % 2])));

    const finished = new Set<string>();
    await waitFor(
      async () => {
        const rows = await query<DecidedRow>(db, DECIDED_EVENTS_SQL, [tasks]);
        // Simulated agents finish what they were given, through either instance.
        for (const [index, row] of rows.entries()) {
          if (finished.has(row.task_id)) continue;
          finished.add(row.task_id);
          await feeds[index % 2].deliver('ains.task.completed.v1', row.task_id, completedTask(row.task_id, row.agent_id));
        }
        return finished.size === tasks.length;
      },
      { timeoutMs: 30_000, intervalMs: 20, description: 'all 60 tasks to be routed and finished' },
    );

    const overbookings = await query(db, 'SELECT * FROM routing.test_overbookings');
    expect(overbookings).toEqual([]);
    const perTask = await query<{ task_id: string; n: number }>(db, "SELECT message_key AS task_id, count(*)::int AS n FROM routing.outbox WHERE event_type = 'ains.routing.decided.v1' AND message_key = ANY($1) GROUP BY message_key", [tasks]);
    expect(perTask).toHaveLength(60);
    expect(perTask.every((row) => row.n === 1)).toBe(true);
    const loads = await query<{ active_count: number }>(db, 'SELECT active_count FROM routing.agents WHERE agent_id = ANY($1)', [agents]);
    expect(loads.map((row) => row.active_count)).toEqual([0, 0, 0, 0, 0]);
  });

  it('avoids an agent that failed the task on its retry, unless it is the only capable one', async () => {
    const tag = uniqueTag();
    const [a, b] = [randomUUID(), randomUUID()];
    await register(a, [tag], 1);
    await register(b, [tag], 1);
    const taskId = randomUUID();
    await queue({ taskId, requiredTags: [tag] });
    const [first] = await decided([taskId], 1);
    const failing = first.agent_id;
    await feed().deliver('ains.task.failed.v1', taskId, { taskId, clientId: 'client-sim', taskType: 'simulate', agentId: failing, attempt: 1, error: 'boom', retryable: true, willRetry: true, failedAt: now() });
    await queue({ taskId, requiredTags: [tag], attempt: 2, excludedAgentIds: [failing] });
    const [, retry] = await decided([taskId], 2);
    expect(retry).toMatchObject({ attempt: 2, candidate_count: 1 });
    expect(retry.agent_id).not.toBe(failing);

    // A task only the failing agent can run goes back to it.
    const onlyTag = uniqueTag();
    const solo = randomUUID();
    await register(solo, [onlyTag], 1);
    const soloTask = randomUUID();
    await queue({ taskId: soloTask, requiredTags: [onlyTag], attempt: 2, excludedAgentIds: [solo] });
    const [back] = await decided([soloTask], 1);
    expect(back.agent_id).toBe(solo);
  });

  it('moves work off an agent that goes offline: its waiting tasks and its timed-out task go elsewhere', async () => {
    const tag = uniqueTag();
    const lost = randomUUID();
    await register(lost, [tag], 1);
    const running = randomUUID();
    await queue({ taskId: running, requiredTags: [tag] });
    expect((await decided([running], 1))[0].agent_id).toBe(lost);
    const waiting = randomUUID();
    await queue({ taskId: waiting, requiredTags: [tag] });

    await setStatus(lost, 'offline', 'online');
    const rescuer = randomUUID();
    await register(rescuer, [tag], 2);
    expect((await decided([waiting], 1))[0].agent_id).toBe(rescuer);
    // task-service times the lost agent's task out and queues its retry without that agent.
    await feed().deliver('ains.task.timed_out.v1', running, { taskId: running, clientId: 'client-sim', taskType: 'simulate', agentId: lost, attempt: 1, reason: 'lease_expired', willRetry: true, timedOutAt: now() });
    await queue({ taskId: running, requiredTags: [tag], attempt: 2, excludedAgentIds: [lost] });
    const [, retried] = await decided([running], 2);
    expect(retried).toMatchObject({ attempt: 2, agent_id: rescuer });
  });

  it('gives nothing new to a draining or deregistered agent, and resumes one that comes back online', async () => {
    const tag = uniqueTag();
    const [draining, leaving] = [randomUUID(), randomUUID()];
    await register(draining, [tag], 5);
    await register(leaving, [tag], 5);
    await setStatus(draining, 'draining', 'online');
    await setStatus(leaving, 'deregistered', 'online');
    const taskId = randomUUID();
    await queue({ taskId, requiredTags: [tag] });
    // The task stays queued while no agent may take it...
    await waitFor(async () => (await query(db, 'SELECT 1 FROM routing.queue WHERE task_id = $1', [taskId])).length === 1, { description: 'the task to be queued' });
    await setStatus(draining, 'online', 'draining');
    // ...and goes out once one may.
    expect((await decided([taskId], 1))[0].agent_id).toBe(draining);
  });
});

describe('backpressure (limit 3, released at 1)', () => {
  let app: NestFastifyApplication;
  let feed: EventFeed;

  beforeAll(async () => {
    await dropSchemas(db, 'routing');
    app = await startRoutingApp(serviceTestEnv({ ROUTING_BACKPRESSURE_LIMIT: '3', ROUTING_BACKPRESSURE_RELEASE_DEPTH: '1', ROUTING_BACKPRESSURE_RETRY_AFTER_SECONDS: '7' }));
    feed = new EventFeed(app);
  });

  afterAll(() => app?.close());

  it('publishes one engaged event when the depth passes the limit and one released event when it is back at the release depth', async () => {
    const tag = uniqueTag();
    const tasks = Array.from({ length: 5 }, () => randomUUID());
    for (const taskId of tasks) await feed.deliver('ains.task.queued.v1', taskId, queuedTask({ taskId, requiredTags: [tag] }));
    const events = () => query<{ payload: { engaged: boolean; queuedDepth: number; limit: number; retryAfterSeconds: number } }>(db, "SELECT payload FROM routing.outbox WHERE event_type = 'ains.routing.backpressure_changed.v1' ORDER BY seq");
    expect((await events()).map((e) => e.payload)).toEqual([{ engaged: true, queuedDepth: 4, limit: 3, retryAfterSeconds: 7, changedAt: expect.any(String) }]);

    for (const taskId of tasks.slice(0, 3)) {
      await feed.deliver('ains.task.cancelled.v1', taskId, { taskId, clientId: 'client-sim', taskType: 'simulate', agentId: null, reason: 'test', cancelledAt: now() });
    }
    expect((await events()).map((e) => e.payload.engaged)).toEqual([true]);
    await feed.deliver('ains.task.cancelled.v1', tasks[3], { taskId: tasks[3], clientId: 'client-sim', taskType: 'simulate', agentId: null, reason: 'test', cancelledAt: now() });
    expect((await events()).map((e) => [e.payload.engaged, e.payload.queuedDepth])).toEqual([
      [true, 4],
      [false, 1],
    ]);
  });
});

describe('decisions task-service never applies (confirmation timeout 300 ms)', () => {
  let app: NestFastifyApplication;
  let feed: EventFeed;

  beforeAll(async () => {
    app = await startRoutingApp(serviceTestEnv({ ROUTING_DISPATCH_INTERVAL_MS: '30', ROUTING_DECISION_CONFIRM_TIMEOUT_MS: '300' }));
    feed = new EventFeed(app);
  });

  afterAll(() => app?.close());

  it('frees the slot of an unapplied decision, and takes it back if the assignment comes after all', async () => {
    const tag = uniqueTag();
    const agentId = randomUUID();
    await feed.deliver('ains.agent.registered.v1', agentId, registeredAgent(agentId, { tags: [tag], maxConcurrency: 1 }));
    const [ignored, next] = [randomUUID(), randomUUID()];
    await feed.deliver('ains.task.queued.v1', ignored, queuedTask({ taskId: ignored, requiredTags: [tag] }));
    await decided([ignored], 1);
    await feed.deliver('ains.task.queued.v1', next, queuedTask({ taskId: next, requiredTags: [tag] }));
    // The first decision is never confirmed, so its slot comes back and the next task gets it.
    expect((await decided([next], 1))[0].agent_id).toBe(agentId);
    const load = async () => (await query<{ active_count: number }>(db, 'SELECT active_count FROM routing.agents WHERE agent_id = $1', [agentId]))[0].active_count;
    expect(await load()).toBe(1);

    // task-service was only slow: the late assignment puts the task back on the agent's load.
    await feed.deliver('ains.task.assigned.v1', ignored, { taskId: ignored, clientId: 'client-sim', taskType: 'simulate', agentId, attempt: 1, leaseExpiresAt: now(), assignedAt: now() });
    expect(await load()).toBe(2);
    await feed.deliver('ains.task.completed.v1', ignored, completedTask(ignored, agentId));
    await feed.deliver('ains.task.assigned.v1', next, { taskId: next, clientId: 'client-sim', taskType: 'simulate', agentId, attempt: 1, leaseExpiresAt: now(), assignedAt: now() });
    await feed.deliver('ains.task.completed.v1', next, completedTask(next, agentId));
    expect(await load()).toBe(0);
  });
});
