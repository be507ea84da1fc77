import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv, waitFor } from '@ains/testing';
import { startAgentApp } from '../testing/agent-app';
import { LivenessService } from './liveness.service';

type StatusEvent = { agentId: string; status: string; previousStatus: string };

describe('liveness with two agent-service replicas (real Postgres)', () => {
  let replicas: NestFastifyApplication[] = [];
  const db = testEnv.databaseUrl;

  const call = (method: 'GET' | 'POST', url: string, caller = testCaller(), replica = 0) => replicas[replica].inject({ method, url, headers: callerHeaders(method, url, caller) });
  const register = async (name: string) => (await replicas[0].inject({ method: 'POST', url: '/v1/agents', headers: callerHeaders('POST', '/v1/agents'), payload: { display_name: name } })).json<{ id: string }>().id;
  const statusEvents = (ids: string[]) =>
    query<{ payload: StatusEvent }>(db, "SELECT payload FROM agent.outbox WHERE event_type = 'ains.agent.status_changed.v1' AND message_key = ANY($1) ORDER BY seq", [ids]).then((rows) => rows.map((row) => row.payload));
  /** Makes the agents' last heartbeat older than the timeout, as if they had gone silent. */
  const silence = (ids: string[]) => query(db, "UPDATE agent.agents SET last_heartbeat_at = now() - interval '10 minutes' WHERE id = ANY($1)", [ids]);

  beforeAll(async () => {
    await ensureDatabase(db);
    await dropSchemas(db, 'agent');
    const env = serviceTestEnv({ AGENT_HEARTBEAT_TIMEOUT_MS: '60000', AGENT_LIVENESS_SWEEP_INTERVAL_MS: '100' });
    replicas = [await startAgentApp(env), await startAgentApp(env)];
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
  });

  it('takes silent agents offline exactly once although both replicas sweep', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push(await register(`silent-${i}`));
    const alive = await register('alive');
    await silence(ids);
    // Besides their timers, both replicas sweep three times at once, racing for the same rows.
    const sweeps = replicas.flatMap((replica) => [1, 2, 3].map(() => replica.get(LivenessService).sweep()));
    const taken = await Promise.all(sweeps);
    expect(taken.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(30);
    await waitFor(async () => (await statusEvents(ids)).length >= ids.length, { description: 'all 30 agents to go offline' });
    const events = await statusEvents(ids);
    expect(events).toHaveLength(30);
    expect(new Set(events.map((e) => e.agentId)).size).toBe(30);
    expect(events.every((e) => e.status === 'offline' && e.previousStatus === 'online')).toBe(true);
    expect(await statusEvents([alive])).toEqual([]);
    // Both replicas report the same fleet (ains_agents), every status included.
    for (const replica of replicas) {
      const { body } = await replica.inject({ method: 'GET', url: '/metrics' });
      expect(body.match(/^ains_agents\{.*$/gm)).toEqual(['ains_agents{status="online"} 1', 'ains_agents{status="offline"} 30', 'ains_agents{status="draining"} 0', 'ains_agents{status="deregistered"} 0']);
    }
  });

  it('brings an offline agent back online on its next heartbeat, from its own agent key', async () => {
    const id = await register('returning');
    await silence([id]);
    await waitFor(async () => (await statusEvents([id])).length === 1, { description: 'the agent to go offline' });
    const ownKey = testCaller({ scopes: ['agent:work'], agentId: id });
    const response = await call('POST', `/v1/agents/${id}/heartbeat`, ownKey, 1);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: 'online' });
    expect((await statusEvents([id])).map((e) => [e.previousStatus, e.status])).toEqual([
      ['online', 'offline'],
      ['offline', 'online'],
    ]);
    // A heartbeat from an agent that is already online changes nothing but the time.
    await call('POST', `/v1/agents/${id}/heartbeat`, ownKey);
    expect(await statusEvents([id])).toHaveLength(2);
  });

  it('refuses a heartbeat or drain by another agent’s key, and answers 404 for unknown agents', async () => {
    const id = await register('guarded');
    const otherKey = testCaller({ scopes: ['agent:work'], agentId: '00000000-0000-4000-8000-000000000000' });
    expect((await call('POST', `/v1/agents/${id}/heartbeat`, otherKey)).statusCode).toBe(403);
    expect((await call('POST', `/v1/agents/${id}/drain`, otherKey)).statusCode).toBe(403);
    expect((await call('POST', '/v1/agents/00000000-0000-4000-8000-000000000000/heartbeat')).statusCode).toBe(404);
  });

  it('drains: the agent becomes draining, stays draining through an outage until resumed; heartbeats do not undo it', async () => {
    const id = await register('draining');
    const drained = await call('POST', `/v1/agents/${id}/drain`);
    expect(drained.statusCode).toBe(200);
    expect(drained.json()).toMatchObject({ status: 'draining' });
    await silence([id]);
    await waitFor(async () => (await statusEvents([id])).length === 2, { description: 'the draining agent to go offline' });
    expect((await call('POST', `/v1/agents/${id}/heartbeat`)).json()).toMatchObject({ status: 'draining' });
    expect((await statusEvents([id])).map((e) => e.status)).toEqual(['draining', 'offline', 'draining']);
    // Resuming ends the drain; a second resume changes nothing.
    expect((await call('POST', `/v1/agents/${id}/resume`, testCaller({ scopes: ['agent:work'], agentId: id }))).json()).toMatchObject({ status: 'online' });
    expect((await call('POST', `/v1/agents/${id}/resume`)).json()).toMatchObject({ status: 'online' });
    expect((await statusEvents([id])).map((e) => e.status)).toEqual(['draining', 'offline', 'draining', 'online']);
  });
});
