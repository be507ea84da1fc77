import { randomUUID } from 'node:crypto';
import { adminKey, authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

interface Agent {
  id: string;
  status: string;
  display_name: string;
  owner_client_id: string | null;
}

const fields = (problem: Problem) => (problem.errors ?? []).map((error) => error.field);

describe('inputs that are refused, through the gateway', () => {
  const createKey = (body: Record<string, unknown>) => api<Problem & { api_key: string }>('POST', '/v1/api-keys', { name: 'e2e rules', scopes: ['tasks:read'], ...body }, authHeaders(adminKey));

  it('refuses an API key that expired before it was made (422 naming expires_at)', async () => {
    const response = await createKey({ expires_at: '2020-01-01T00:00:00Z' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(fields(response.body)).toEqual(['expires_at']);
  });

  it('refuses an agent:work key for an agent that does not exist (422 naming agent_id)', async () => {
    const response = await createKey({ scopes: ['agent:work'], agent_id: randomUUID() });
    expect(response.status).toBe(422);
    expect(fields(response.body)).toEqual(['agent_id']);
  });

  it('refuses a capability version that is not semver (400 naming it)', async () => {
    const response = await api<Problem>('POST', '/v1/agents', { display_name: 'e2e semver', capabilities: [{ name: 'python', version: 'three' }] });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['capabilities[0].version']);
  });

  it('refuses the same id twice in depends_on (400 naming the repeat)', async () => {
    const dependency = await api<{ id: string }>('POST', '/v1/tasks', { task_type: 'e2e.dependency' });
    const response = await api<Problem>('POST', '/v1/tasks', { task_type: 'e2e.dependent', depends_on: [dependency.body.id, dependency.body.id] });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['depends_on[1]']);
  });

  it('refuses an agent endpoint on the cloud metadata address (422 naming endpoint)', async () => {
    const response = await api<Problem>('POST', '/v1/agents', { display_name: 'e2e ssrf', endpoint: 'http://169.254.169.254/' });
    expect(response.status).toBe(422);
    expect(fields(response.body)).toEqual(['endpoint']);
  });
});

describe('agent ownership through the gateway', () => {
  let owner: TestApiKey;
  let stranger: TestApiKey;
  let agent: Agent;
  let agentKey: string;

  beforeAll(async () => {
    owner = await createApiKey({ scopes: ['agents:read', 'agents:write'] });
    stranger = await createApiKey({ scopes: ['agents:read', 'agents:write'] });
    const registered = await api<Agent & { api_key: string }>('POST', '/v1/agents', { display_name: 'e2e owned' }, authHeaders(owner));
    expect(registered.status).toBe(201);
    agent = registered.body;
    agentKey = registered.body.api_key;
  });

  it('records the registering client and shows it to that client only', async () => {
    expect(agent.owner_client_id).toBe(owner.clientId);
    expect((await api<Agent>('GET', `/v1/agents/${agent.id}`, undefined, authHeaders(owner))).body.owner_client_id).toBe(owner.clientId);
    const seen = await api<Agent>('GET', `/v1/agents/${agent.id}`, undefined, authHeaders(stranger));
    expect(seen.status).toBe(200);
    expect(seen.body.owner_client_id).toBeNull();
  });

  it.each([
    ['update', 'PATCH', '', { display_name: 'taken over' }],
    ['drain', 'POST', '/drain', {}],
    ['resume', 'POST', '/resume', {}],
    ['heartbeat', 'POST', '/heartbeat', {}],
    ['deregister', 'DELETE', '', undefined],
  ] as const)("refuses another client's %s with 403", async (_operation, method, suffix, body) => {
    const response = await api<Problem>(method, `/v1/agents/${agent.id}${suffix}`, body, authHeaders(stranger));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.detail).toContain('another client');
  });

  it('lets the owner, the agent itself and an admin act', async () => {
    expect((await api<Agent>('PATCH', `/v1/agents/${agent.id}`, { display_name: 'renamed' }, authHeaders(owner))).body.display_name).toBe('renamed');
    expect((await api<Agent>('POST', `/v1/agents/${agent.id}/drain`, {}, authHeaders(agentKey))).body.status).toBe('draining');
    expect((await api<Agent>('POST', `/v1/agents/${agent.id}/resume`, {}, authHeaders(adminKey))).body.status).toBe('online');
    expect((await api('DELETE', `/v1/agents/${agent.id}`, undefined, authHeaders(owner))).status).toBe(204);
  });
});

describe('client-address allow-lists on API keys', () => {
  // The suite reaches the gateway over loopback, so that is the address the gateway sees.
  const keyFor = async (allowed_cidrs: string[]): Promise<string> => {
    const created = await api<{ api_key: string }>('POST', '/v1/api-keys', { name: 'e2e allow-list', scopes: ['tasks:read'], allowed_cidrs }, authHeaders(adminKey));
    expect(created.status).toBe(201);
    return created.body.api_key;
  };

  it('accepts a key from an allowed address', async () => {
    const key = await keyFor(['127.0.0.0/8', '::1/128']);
    expect((await api('GET', '/v1/tasks', undefined, authHeaders(key))).status).toBe(200);
  });

  it('refuses a key from an address outside its ranges with 403 problem+json', async () => {
    const key = await keyFor(['203.0.113.0/24', '2001:db8::/32']);
    const response = await api<Problem>('GET', '/v1/tasks', undefined, { ...authHeaders(key), 'x-forwarded-for': '203.0.113.5' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toContain('address-not-allowed');
  });

  it('answers address-not-allowed as documented on operations that declare a 403 of their own', async () => {
    const key = await keyFor(['203.0.113.0/24']);
    // The contract check of `api` validates each answer against that operation's documented 403.
    for (const [method, path, body] of [
      ['POST', `/v1/tasks/${randomUUID()}/complete`, { result: {} }],
      ['POST', `/v1/agents/${randomUUID()}/claim`, { wait_ms: 0 }],
      ['PATCH', `/v1/agents/${randomUUID()}`, { display_name: 'x' }],
    ] as const) {
      const response = await api<Problem>(method, path, body, authHeaders(key));
      expect({ path, status: response.status, type: response.body.type }).toEqual({ path, status: 403, type: expect.stringContaining('address-not-allowed') });
    }
  });
});
