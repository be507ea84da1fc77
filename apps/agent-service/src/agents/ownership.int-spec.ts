import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Caller } from '@ains/contracts';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { startAgentApp } from '../testing/agent-app';

interface AgentBody {
  id: string;
  status: string;
  display_name: string;
  owner_client_id: string | null;
}

describe('agent ownership (agent-service, real Postgres)', () => {
  let app: NestFastifyApplication;
  const owner = testCaller({ clientId: 'acme', keyId: 'acme-ops', scopes: ['agents:read', 'agents:write'] });
  const stranger = testCaller({ clientId: 'globex', keyId: 'globex-ops', scopes: ['agents:read', 'agents:write'] });
  const admin = testCaller({ clientId: 'ops', keyId: 'ops-admin', scopes: ['admin'] });

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: callerHeaders(method, url, caller), payload });
  const register = async (name: string): Promise<AgentBody> => (await call(owner, 'POST', '/v1/agents', { display_name: name })).json<AgentBody>();
  const expectRefused = (response: Awaited<ReturnType<typeof call>>) => {
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ detail: string }>().detail).toContain('registered by another client');
  };

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    app = await startAgentApp(serviceTestEnv());
  });

  afterAll(() => app?.close());

  it('records the registering client as the owner', async () => {
    const agent = await register('owned-1');
    expect(agent.owner_client_id).toBe('acme');
    const [row] = await query<{ owner_client_id: string }>(testEnv.databaseUrl, 'SELECT owner_client_id FROM agent.agents WHERE id = $1', [agent.id]);
    expect(row.owner_client_id).toBe('acme');
  });

  it('update: only the owner or an admin may change the profile', async () => {
    const agent = await register('owned-update');
    expectRefused(await call(stranger, 'PATCH', `/v1/agents/${agent.id}`, { display_name: 'hijacked' }));
    expect((await call(owner, 'PATCH', `/v1/agents/${agent.id}`, { display_name: 'renamed' })).json<AgentBody>().display_name).toBe('renamed');
    expect((await call(admin, 'PATCH', `/v1/agents/${agent.id}`, { display_name: 'by-admin' })).json<AgentBody>().display_name).toBe('by-admin');
  });

  it('drain and resume: refused to other clients, allowed to the owner, an admin and the agent itself', async () => {
    const agent = await register('owned-drain');
    expectRefused(await call(stranger, 'POST', `/v1/agents/${agent.id}/drain`));
    expect((await call(owner, 'POST', `/v1/agents/${agent.id}/drain`)).json<AgentBody>().status).toBe('draining');
    expectRefused(await call(stranger, 'POST', `/v1/agents/${agent.id}/resume`));
    expect((await call(admin, 'POST', `/v1/agents/${agent.id}/resume`)).json<AgentBody>().status).toBe('online');
    const ownKey = testCaller({ clientId: 'acme', scopes: ['agent:work'], agentId: agent.id });
    expect((await call(ownKey, 'POST', `/v1/agents/${agent.id}/drain`)).json<AgentBody>().status).toBe('draining');
    expect((await call(ownKey, 'POST', `/v1/agents/${agent.id}/resume`)).json<AgentBody>().status).toBe('online');
  });

  it('heartbeat: refused to another client and to another agent key', async () => {
    const agent = await register('owned-heartbeat');
    expectRefused(await call(stranger, 'POST', `/v1/agents/${agent.id}/heartbeat`));
    expectRefused(await call(testCaller({ clientId: 'acme', scopes: ['agent:work'], agentId: '00000000-0000-4000-8000-000000000000' }), 'POST', `/v1/agents/${agent.id}/heartbeat`));
    expect((await call(testCaller({ clientId: 'acme', scopes: ['agent:work'], agentId: agent.id }), 'POST', `/v1/agents/${agent.id}/heartbeat`)).statusCode).toBe(200);
    expect((await call(owner, 'POST', `/v1/agents/${agent.id}/heartbeat`)).statusCode).toBe(200);
  });

  it('deregister: refused to other clients and leaves the agent in the fleet', async () => {
    const agent = await register('owned-deregister');
    expectRefused(await call(stranger, 'DELETE', `/v1/agents/${agent.id}`));
    expect((await call(owner, 'GET', `/v1/agents/${agent.id}`)).json<AgentBody>().status).toBe('online');
    expect((await call(owner, 'DELETE', `/v1/agents/${agent.id}`)).statusCode).toBe(204);
    const other = await register('owned-deregister-admin');
    expect((await call(admin, 'DELETE', `/v1/agents/${other.id}`)).statusCode).toBe(204);
  });

  it('an agent without a recorded owner can be changed by admins only', async () => {
    const agent = await register('legacy');
    await query(testEnv.databaseUrl, 'UPDATE agent.agents SET owner_client_id = NULL WHERE id = $1', [agent.id]);
    expectRefused(await call(owner, 'PATCH', `/v1/agents/${agent.id}`, { display_name: 'mine-now' }));
    expect((await call(admin, 'PATCH', `/v1/agents/${agent.id}`, { display_name: 'kept' })).statusCode).toBe(200);
  });

  it('reads are fleet-wide; the owner is shown to the owner and admins only', async () => {
    const agent = await register('owned-read');
    expect((await call(owner, 'GET', `/v1/agents/${agent.id}`)).json<AgentBody>().owner_client_id).toBe('acme');
    expect((await call(admin, 'GET', `/v1/agents/${agent.id}`)).json<AgentBody>().owner_client_id).toBe('acme');
    const seenByStranger = await call(stranger, 'GET', `/v1/agents/${agent.id}`);
    expect(seenByStranger.statusCode).toBe(200);
    expect(seenByStranger.json<AgentBody>().owner_client_id).toBeNull();
    const listed = (await call(stranger, 'GET', '/v1/agents?limit=200')).json<{ data: AgentBody[] }>().data.find((a) => a.id === agent.id);
    expect(listed).toMatchObject({ id: agent.id, owner_client_id: null });
  });
});
