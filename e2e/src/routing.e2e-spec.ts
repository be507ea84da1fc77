import { randomUUID } from 'node:crypto';
import { authHeaders, createApiKey } from './support/auth';
import { api } from './support/http';

// Routing's decisions themselves (priority order, failover, concurrency limits) are proven by the
// routing-service integration tests with simulated agents: on a broker shared with other stacks, a
// fresh routing consumer group first replays every task ever queued there, which would compete
// with this suite's tasks for its agents.
describe('routing policies through the gateway', () => {
  it('lists the strategies and keeps task-type policies per tenant', async () => {
    const client = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
    const strategies = await api<{ data: { name: string }[]; default_strategy: string }>('GET', '/v1/routing/strategies', undefined, authHeaders(client));
    expect(strategies.status).toBe(200);
    expect(strategies.body.data.map((s) => s.name)).toEqual(['round_robin', 'least_loaded', 'trust_weighted', 'fastest_response']);
    expect(strategies.body.default_strategy).toBe('least_loaded');

    const taskType = `e2e.${randomUUID().slice(0, 8)}`;
    const put = await api('PUT', `/v1/routing/policies/${taskType}`, { strategy: 'trust_weighted' }, authHeaders(client));
    expect(put.status).toBe(200);
    expect((await api('GET', `/v1/routing/policies/${taskType}`, undefined, authHeaders(client))).body).toMatchObject({ task_type: taskType, strategy: 'trust_weighted' });
    expect((await api('PUT', `/v1/routing/policies/${taskType}`, { strategy: 'coin_flip' }, authHeaders(client))).status).toBe(422);
    const stranger = await createApiKey({ scopes: ['tasks:read'] });
    expect((await api('GET', `/v1/routing/policies/${taskType}`, undefined, authHeaders(stranger))).status).toBe(404);
    expect((await api('GET', '/v1/routing/queue', undefined, authHeaders(client))).status).toBe(403);
  });
});
