import { createHash } from 'node:crypto';
import type { Caller } from '@ains/contracts';
import { mayActForAgent, mayManageAgent } from './agent-access.policy';
import { hasCapabilityInRange } from './capability-range';
import { toAgentView } from './agent.mapper';
import { Agent } from './agent.entity';
import { NO_METRICS } from './agent-record';

const caller = (overrides: Partial<Caller>): Caller => ({ clientId: 'c', keyId: 'k', scopes: [], agentId: null, ...overrides });

describe('who may change an agent', () => {
  const owned = { id: 'a1', ownerClientId: 'acme' };

  it('lets the owning client and admins manage it, not other clients', () => {
    expect(mayManageAgent(caller({ clientId: 'acme', scopes: ['agents:write'] }), owned)).toBe(true);
    expect(mayManageAgent(caller({ clientId: 'ops', scopes: ['admin'] }), owned)).toBe(true);
    expect(mayManageAgent(caller({ clientId: 'globex', scopes: ['agents:write'] }), owned)).toBe(false);
    expect(mayManageAgent(caller({ clientId: 'acme', scopes: ['agents:read'] }), owned)).toBe(false);
  });

  it('leaves agents without a recorded owner to admins', () => {
    const legacy = { id: 'a1', ownerClientId: null };
    expect(mayManageAgent(caller({ clientId: 'acme', scopes: ['agents:write'] }), legacy)).toBe(false);
    expect(mayManageAgent(caller({ scopes: ['admin'] }), legacy)).toBe(true);
  });

  it('lets an agent key act only for its own agent, and never manage it', () => {
    expect(mayActForAgent(caller({ clientId: 'globex', scopes: ['agent:work'], agentId: 'a1' }), owned)).toBe(true);
    expect(mayActForAgent(caller({ clientId: 'acme', scopes: ['agent:work'], agentId: 'a2' }), owned)).toBe(false);
    expect(mayActForAgent(caller({ clientId: 'acme', scopes: ['agents:write'] }), owned)).toBe(true);
    expect(mayActForAgent(caller({ clientId: 'globex', scopes: ['agents:write'] }), owned)).toBe(false);
    expect(mayManageAgent(caller({ clientId: 'acme', scopes: ['agent:work'], agentId: 'a1' }), owned)).toBe(false);
  });
});

describe('capability version ranges', () => {
  const capabilities = [{ name: 'python', version: '3.12.1' }, { name: 'node', version: '20' }];

  it('matches the named capability within the range', () => {
    expect(hasCapabilityInRange(capabilities, 'python', '>=3.11 <4')).toBe(true);
    expect(hasCapabilityInRange(capabilities, 'python', '^3.13')).toBe(false);
    expect(hasCapabilityInRange(capabilities, 'node', '>=18')).toBe(true);
    expect(hasCapabilityInRange(capabilities, 'java', '*')).toBe(false);
  });

  it('matches nothing with an invalid range', () => {
    expect(hasCapabilityInRange(capabilities, 'python', '>>3')).toBe(false);
  });
});

describe('agent view', () => {
  const agent = Object.assign(new Agent(), {
    id: '00000000-0000-4000-8000-000000000001',
    displayName: 'a',
    endpoint: null,
    publicKey: null,
    tags: [],
    capabilities: [],
    maxConcurrency: 4,
    status: 'online',
    metadata: {},
    draining: false,
    lastHeartbeatAt: new Date(0),
    registeredAt: new Date(0),
    updatedAt: new Date(0),
  });

  it('derives utilisation and success rate', () => {
    const view = toAgentView({ agent, metrics: { activeTasks: 3, completed: 6, failed: 1, timedOut: 1, avgCompletionMs: 1234.4 } });
    expect(view.load).toEqual({ active_tasks: 3, max_concurrency: 4, utilisation: 0.75 });
    expect(view.metrics).toEqual({ completed: 6, failed: 1, timed_out: 1, success_rate: 0.75, avg_completion_ms: 1234 });
  });

  it('shows the public key with its fingerprint, or neither', () => {
    expect(toAgentView({ agent, metrics: NO_METRICS })).toMatchObject({ public_key: null, public_key_fingerprint: null });
    // RFC 8032's first test vector: its public key, and the SHA-256 of those 32 bytes.
    const publicKey = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64url');
    expect(toAgentView({ agent: Object.assign(new Agent(), agent, { publicKey }), metrics: NO_METRICS })).toMatchObject({
      public_key: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      public_key_fingerprint: createHash('sha256').update(Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex')).digest('hex'),
    });
  });

  it('has no success rate or average before the first finished task', () => {
    expect(toAgentView({ agent, metrics: NO_METRICS }).metrics).toMatchObject({ success_rate: null, avg_completion_ms: null });
  });
});
