import { randomUUID } from 'node:crypto';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey } from './support/auth';
import { api } from './support/http';

interface Agent {
  id: string;
  status: string;
  load: { active_tasks: number };
  metrics: { completed: number };
  trust: { score: number } | null;
}

describe('the agent fleet through the gateway', () => {
  it('shows an agent with its load, metrics and trust, and lets its own key heartbeat, drain and resume it', async () => {
    const tag = `e2e-${randomUUID().slice(0, 8)}`;
    const created = await api<Agent>('POST', '/v1/agents', { display_name: 'e2e fleet', tags: [tag], capabilities: [{ name: 'python', version: '3.12.1' }] });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const own = await createApiKey({ scopes: ['agent:work'], agentId: id });
    const otherAgent = await api<Agent>('POST', '/v1/agents', { display_name: 'e2e fleet neighbour' });
    const other = await createApiKey({ scopes: ['agent:work'], agentId: otherAgent.body.id });

    const detail = await waitFor(
      async () => {
        const response = await api<Agent>('GET', `/v1/agents/${id}`);
        return response.body.trust ? response.body : undefined;
      },
      { timeoutMs: 90_000, description: 'trust-service to score the new agent' },
    );
    expect(detail).toMatchObject({ status: 'online', load: { active_tasks: 0 }, metrics: { completed: 0 }, trust: { score: 0.5 } });

    expect((await api('POST', `/v1/agents/${id}/heartbeat`, {}, authHeaders(own))).status).toBe(200);
    expect((await api('POST', `/v1/agents/${id}/heartbeat`, {}, authHeaders(other))).status).toBe(403);
    expect((await api<Agent>('POST', `/v1/agents/${id}/drain`, {}, authHeaders(own))).body.status).toBe('draining');
    expect((await api<Agent>('POST', `/v1/agents/${id}/resume`, {}, authHeaders(own))).body.status).toBe('online');

    const listed = await api<{ data: Agent[] }>('GET', `/v1/agents?tags=${tag}&capability=python&capability_range=${encodeURIComponent('>=3.12')}`);
    expect(listed.body.data.map((agent) => agent.id)).toEqual([id]);
    expect((await api('DELETE', `/v1/agents/${id}`)).status).toBe(204);
    expect((await api<{ data: Agent[] }>('GET', `/v1/agents?tags=${tag}`)).body.data).toEqual([]);
  });
});
