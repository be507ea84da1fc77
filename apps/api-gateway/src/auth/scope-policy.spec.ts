import type { Caller } from '@ains/contracts';
import { agentParamOf, authorize } from './scope-policy';

const caller = (overrides: Partial<Caller>): Caller => ({ clientId: 'acme', keyId: 'k', scopes: [], agentId: null, ...overrides });
const agentId = '6f1c1b3e-8d55-4b1e-9d7e-1b2c3d4e5f60';
const otherAgent = '00000000-0000-4000-8000-000000000000';

describe('authorize', () => {
  it('allows a key holding any one of the operation scopes', () => {
    expect(authorize(caller({ scopes: ['tasks:read'] }), { scopes: ['tasks:read', 'tasks:write'], path: '/v1/tasks' }, {}).allowed).toBe(true);
  });

  it('refuses a key without any of them, naming what is needed', () => {
    const result = authorize(caller({ scopes: ['agents:read'] }), { scopes: ['tasks:write'], path: '/v1/tasks' }, {});
    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('tasks:write') });
  });

  it('lets admin through everything', () => {
    expect(authorize(caller({ scopes: ['admin'] }), { scopes: ['trust:admin'], path: '/v1/agents/{id}/trust/override' }, { id: agentId }).allowed).toBe(true);
  });

  it('binds agent keys to their own agent, named {agentId} or the {id} of an agent path', () => {
    const agentKey = caller({ scopes: ['agent:work'], agentId });
    const claim = { scopes: ['agent:work'] as const, path: '/v1/agents/{agentId}/claim' };
    const heartbeat = { scopes: ['agent:work'] as const, path: '/v1/agents/{id}/heartbeat' };
    expect(authorize(agentKey, claim, { agentId }).allowed).toBe(true);
    expect(authorize(agentKey, claim, { agentId: otherAgent }).allowed).toBe(false);
    expect(authorize(agentKey, heartbeat, { id: agentId }).allowed).toBe(true);
    expect(authorize(agentKey, heartbeat, { id: otherAgent }).allowed).toBe(false);
    // A task id is not an agent id: task-service checks that the task is assigned to this agent.
    expect(authorize(agentKey, { scopes: ['agent:work'], path: '/v1/tasks/{id}/complete' }, { id: 'any-task' }).allowed).toBe(true);
  });

  it('does not let an agent key borrow a scope it lacks', () => {
    expect(authorize(caller({ scopes: ['agent:work'], agentId }), { scopes: ['tasks:write'], path: '/v1/agents/{agentId}/claim' }, { agentId }).allowed).toBe(false);
  });
});

describe('agentParamOf', () => {
  it.each([
    ['/v1/agents/{agentId}/claim', 'agentId'],
    ['/v1/agents/{id}', 'id'],
    ['/v1/agents/{id}/heartbeat', 'id'],
    ['/v1/tasks/{id}', undefined],
    ['/v1/agents', undefined],
    ['/v1/agents/{identifier}', undefined],
  ])('%s names the agent in %p', (path, expected) => {
    expect(agentParamOf(path)).toBe(expected);
  });
});
