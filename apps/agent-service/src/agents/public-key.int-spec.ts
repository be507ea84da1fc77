import { createHash, generateKeyPairSync } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Caller } from '@ains/contracts';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { startAgentApp } from '../testing/agent-app';

interface AgentBody {
  id: string;
  public_key: string | null;
  public_key_fingerprint: string | null;
}
interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const newPublicKey = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x as string;
const fingerprintOf = (key: string) => createHash('sha256').update(Buffer.from(key, 'base64url')).digest('hex');

describe('agent public keys (agent-service, real Postgres)', () => {
  let app: NestFastifyApplication;
  const owner = testCaller({ clientId: 'acme', keyId: 'acme-ops', scopes: ['agents:read', 'agents:write'] });
  const stranger = testCaller({ clientId: 'globex', keyId: 'globex-ops', scopes: ['agents:read', 'agents:write'] });
  const admin = testCaller({ clientId: 'ops', keyId: 'ops-admin', scopes: ['admin'] });

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => app.inject({ method, url, headers: callerHeaders(method, url, caller), payload });
  const eventsOf = (id: string) => query<{ event_type: string; payload: { publicKey?: string | null } }>(testEnv.databaseUrl, 'SELECT event_type, payload FROM agent.outbox WHERE message_key = $1 ORDER BY seq', [id]);

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'agent');
    app = await startAgentApp(serviceTestEnv());
  });

  afterAll(() => app?.close());

  it('keeps the key given at registration, shows it with its fingerprint, and publishes it', async () => {
    const publicKey = newPublicKey();
    const registered = await call(owner, 'POST', '/v1/agents', { display_name: 'signer', public_key: publicKey });
    expect(registered.statusCode).toBe(201);
    const agent = registered.json<AgentBody>();
    expect(agent).toMatchObject({ public_key: publicKey, public_key_fingerprint: fingerprintOf(publicKey) });
    expect((await call(stranger, 'GET', `/v1/agents/${agent.id}`)).json<AgentBody>().public_key).toBe(publicKey);
    expect(await eventsOf(agent.id)).toEqual([{ event_type: 'ains.agent.registered.v1', payload: expect.objectContaining({ publicKey }) }]);
  });

  it('registers agents without a key as before', async () => {
    const agent = (await call(owner, 'POST', '/v1/agents', { display_name: 'plain' })).json<AgentBody>();
    expect(agent).toMatchObject({ public_key: null, public_key_fingerprint: null });
    expect((await eventsOf(agent.id))[0].payload.publicKey).toBeNull();
  });

  it('refuses anything but a base64url raw Ed25519 public key with 400 naming public_key', async () => {
    const valid = newPublicKey();
    const { publicKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    // The last of 43 characters carries 2 bits no key uses: set, they spell a key a second way.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const secondSpelling = `${valid.slice(0, 42)}${alphabet[(alphabet.indexOf(valid[42]) & ~3) | 1]}`;
    const refused = [
      '',
      valid.slice(0, 42),
      `${valid}A`,
      `${valid}=`,
      `!${valid.slice(1)}`,
      Buffer.from(valid, 'base64url').toString('base64'),
      Buffer.from(valid, 'base64url').toString('hex'),
      generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }),
      rsa.export({ format: 'pem', type: 'spki' }),
      secondSpelling,
      'x'.repeat(10_000),
    ];
    for (const public_key of refused) {
      const response = await call(owner, 'POST', '/v1/agents', { display_name: 'bad key', public_key });
      expect({ public_key, status: response.statusCode }).toEqual({ public_key, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json<Problem>().errors?.map((error) => error.field)).toEqual(['public_key']);
    }
    const agent = (await call(owner, 'POST', '/v1/agents', { display_name: 'rotate-bad' })).json<AgentBody>();
    const patched = await call(owner, 'PATCH', `/v1/agents/${agent.id}`, { public_key: 'not a key' });
    expect(patched.statusCode).toBe(400);
    expect(patched.json<Problem>().errors?.map((error) => error.field)).toEqual(['public_key']);
    expect((await call(owner, 'PATCH', `/v1/agents/${agent.id}`, { public_key: null })).statusCode).toBe(400);
  });

  it('rotates the key for the owner and admins only, publishing each rotation', async () => {
    const first = newPublicKey();
    const agent = (await call(owner, 'POST', '/v1/agents', { display_name: 'rotating', public_key: first })).json<AgentBody>();
    const second = newPublicKey();
    const third = newPublicKey();

    const refused = await call(stranger, 'PATCH', `/v1/agents/${agent.id}`, { public_key: newPublicKey() });
    expect(refused.statusCode).toBe(403);
    const ownKey = testCaller({ clientId: 'acme', scopes: ['agent:work'], agentId: agent.id });
    expect((await call(ownKey, 'PATCH', `/v1/agents/${agent.id}`, { public_key: newPublicKey() })).statusCode).toBe(403);

    expect((await call(owner, 'PATCH', `/v1/agents/${agent.id}`, { public_key: second })).json<AgentBody>()).toMatchObject({ public_key: second, public_key_fingerprint: fingerprintOf(second) });
    expect((await call(admin, 'PATCH', `/v1/agents/${agent.id}`, { public_key: third })).json<AgentBody>().public_key).toBe(third);
    expect((await call(owner, 'GET', `/v1/agents/${agent.id}`)).json<AgentBody>().public_key).toBe(third);
    expect((await eventsOf(agent.id)).map((event) => [event.event_type, event.payload.publicKey])).toEqual([
      ['ains.agent.registered.v1', first],
      ['ains.agent.updated.v1', second],
      ['ains.agent.updated.v1', third],
    ]);
  });
});
