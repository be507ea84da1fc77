import type { Caller } from '@ains/contracts';
import { signCaller, verifyCaller } from './internal-auth';

const secret = 'x'.repeat(32);
const caller: Caller = { clientId: 'client-a', keyId: 'key-1', scopes: ['tasks:read', 'tasks:write'], agentId: null };

describe('internal caller signature', () => {
  it('verifies what the gateway signed', () => {
    const headers = signCaller(caller, 'GET', '/v1/tasks?limit=5', secret, 1_000_000);
    expect(verifyCaller(headers, 'GET', '/v1/tasks?limit=5', secret, 1_000_500)).toEqual(caller);
  });

  it('rejects a forged client id, another URL or method, another secret, or a stale timestamp', () => {
    const headers = signCaller(caller, 'GET', '/v1/tasks', secret, 1_000_000);
    expect(verifyCaller({ ...headers, 'x-ains-client-id': 'client-b' }, 'GET', '/v1/tasks', secret, 1_000_000)).toBeUndefined();
    expect(verifyCaller({ ...headers, 'x-ains-scopes': 'admin' }, 'GET', '/v1/tasks', secret, 1_000_000)).toBeUndefined();
    expect(verifyCaller(headers, 'GET', '/v1/tasks/other', secret, 1_000_000)).toBeUndefined();
    expect(verifyCaller(headers, 'DELETE', '/v1/tasks', secret, 1_000_000)).toBeUndefined();
    expect(verifyCaller(headers, 'GET', '/v1/tasks', 'y'.repeat(32), 1_000_000)).toBeUndefined();
    expect(verifyCaller(headers, 'GET', '/v1/tasks', secret, 1_000_000 + 61_000)).toBeUndefined();
    expect(verifyCaller({}, 'GET', '/v1/tasks', secret)).toBeUndefined();
  });

  it('carries the agent binding of agent keys', () => {
    const agentCaller: Caller = { ...caller, scopes: ['agent:work'], agentId: 'agent-7' };
    const headers = signCaller(agentCaller, 'POST', '/v1/agents/agent-7/claim', secret, 5);
    expect(verifyCaller(headers, 'POST', '/v1/agents/agent-7/claim', secret, 5)?.agentId).toBe('agent-7');
  });
});
