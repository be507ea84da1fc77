import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { AinsAgent, NonRetryableError } from '@ains/agent-sdk';
import { reportSigningBytes, type RegisteredAgent, type SignedReport } from '@ains/sdk';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';
import { gatewayUrl } from './support/stack-env';

interface Signature {
  algorithm: string;
  value: string;
  public_key: string;
  key_fingerprint: string;
  report: 'complete' | 'fail';
  retryable: boolean | null;
}
interface Task {
  id: string;
  status: string;
  attempt: number;
  result: Record<string, unknown> | null;
  attempts: { attempt: number; agent_id: string; outcome: string | null; error: string | null; signature: Signature | null }[];
}
interface Problem {
  type: string;
  status: number;
  errors?: { field: string }[];
}
interface ReportResult {
  status: number;
  outcome: string;
  problem?: Problem;
}

interface Keys {
  privateKey: KeyObject;
  publicKey: string;
}
const newKeys = (): Keys => {
  const pair = generateKeyPairSync('ed25519');
  return { privateKey: pair.privateKey, publicKey: pair.publicKey.export({ format: 'jwk' }).x as string };
};
const signed = (keys: Keys, report: SignedReport) => sign(null, reportSigningBytes(report), keys.privateKey).toString('base64url');

/** Checks a stored signature the way anyone holding the agent's public key could, from the task as read. */
function verifiesFromTask(task: Task): boolean {
  const attempt = task.attempts[task.attempts.length - 1];
  const signature = attempt.signature as Signature;
  const report: SignedReport =
    signature.report === 'complete' ? { type: 'complete', taskId: task.id, attempt: attempt.attempt, result: task.result ?? {} } : { type: 'fail', taskId: task.id, attempt: attempt.attempt, error: attempt.error ?? '', retryable: signature.retryable ?? true };
  return verify(null, reportSigningBytes(report), { key: { kty: 'OKP', crv: 'Ed25519', x: signature.public_key }, format: 'jwk' }, Buffer.from(signature.value, 'base64url'));
}

/** Agents with an Ed25519 public key: their complete and fail reports are signed, verified by task-service and kept with the attempt. */
describe('signed agent reports through the gateway', () => {
  let owner: TestApiKey;

  beforeAll(async () => {
    owner = await createApiKey({ scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write'] });
  });

  const getTask = async (id: string): Promise<Task> => (await api<Task>('GET', `/v1/tasks/${id}`, undefined, authHeaders(owner))).body;
  const submit = async (tag: string, taskType: string, input: Record<string, unknown> = {}): Promise<string> => {
    const created = await api<Task>('POST', '/v1/tasks', { task_type: taskType, priority: 10, input, routing: { required_tags: [tag] }, retry_policy: { max_attempts: 1 } }, authHeaders(owner));
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const finished = (id: string) => waitFor(async () => {
    const task = await getTask(id);
    return ['completed', 'failed', 'dead_lettered'].includes(task.status) ? task : undefined;
  }, { timeoutMs: 80_000, description: `task ${id} to finish` });

  describe('the work protocol', () => {
    const keys = newKeys();
    let agent: RegisteredAgent;
    const tag = `signed-${randomUUID().slice(0, 8)}`;

    /** Tasks routed to the agent, claimed and started with its own key. */
    async function running(count: number): Promise<string[]> {
      const ids = await Promise.all(Array.from({ length: count }, () => submit(tag, 'e2e.signed')));
      const claimed = new Set<string>();
      // A fresh stack's consumer groups first replay what the shared broker holds: routing may hand this agent older tasks first, hence the wait.
      await waitFor(
        async () => {
          const response = await api<{ data: Task[] }>('POST', `/v1/agents/${agent.id}/claim`, { max_tasks: 100, wait_ms: 1_000, start: true }, authHeaders(agent.api_key));
          for (const task of response.body.data) claimed.add(task.id);
          return ids.every((id) => claimed.has(id));
        },
        { timeoutMs: 80_000, description: 'the tasks to be routed to the agent' },
      );
      return ids;
    }
    const complete = (taskId: string, body: Record<string, unknown>) => api<Problem>('POST', `/v1/tasks/${taskId}/complete`, body, authHeaders(agent.api_key));

    beforeAll(async () => {
      const registered = await api<RegisteredAgent>('POST', '/v1/agents', { display_name: 'signing worker', tags: [tag], max_concurrency: 1_000, public_key: keys.publicKey }, authHeaders(owner));
      expect(registered.status).toBe(201);
      agent = registered.body;
      expect(agent).toMatchObject({ public_key: keys.publicKey, public_key_fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    });

    it('keeps a signed result with its attempt, verifiable with the public key, after refusing tampered and unsigned ones', async () => {
      const [taskId] = await running(1);
      const result = { summary: 'signed', items: [3, 1, 2] };
      const expectRefused = async (body: Record<string, unknown>, type: string) => {
        const response = await complete(taskId, body);
        expect({ status: response.status, type: response.body.type }).toEqual({ status: 422, type: expect.stringContaining(type) });
      };
      const tampered = { result: { ...result, summary: 'changed after signing' }, signature: signed(keys, { type: 'complete', taskId, attempt: 1, result }) };
      // task-service may learn the agent's key a moment after routing did: until then a signed report is asked to come back (503).
      await waitFor(async () => (await complete(taskId, tampered)).status !== 503, { timeoutMs: 30_000, description: 'task-service to know the agent key' });
      await expectRefused(tampered, 'signature-invalid');
      await expectRefused({ result, signature: signed(keys, { type: 'complete', taskId, attempt: 2, result }) }, 'signature-invalid');
      await expectRefused({ result, signature: signed(newKeys(), { type: 'complete', taskId, attempt: 1, result }) }, 'signature-invalid');
      await expectRefused({ result }, 'signature-required');
      expect((await getTask(taskId)).status).toBe('running');

      expect((await complete(taskId, { result, signature: signed(keys, { type: 'complete', taskId, attempt: 1, result }) })).status).toBe(200);
      const task = await getTask(taskId);
      expect(task).toMatchObject({ status: 'completed', result });
      expect(task.attempts[0].signature).toMatchObject({ algorithm: 'ed25519', public_key: keys.publicKey, key_fingerprint: agent.public_key_fingerprint, report: 'complete' });
      expect(verifiesFromTask(task)).toBe(true);
    });

    it('answers a batch of good and bad signatures item by item', async () => {
      const [good, tampered, unsigned] = await running(3);
      const response = await api<{ data: ReportResult[] }>(
        'POST',
        `/v1/agents/${agent.id}/reports`,
        {
          reports: [
            { task_id: good, type: 'fail', error: 'source unreachable', retryable: false, signature: signed(keys, { type: 'fail', taskId: good, attempt: 1, error: 'source unreachable', retryable: false }) },
            { task_id: tampered, type: 'fail', error: 'source unreachable', retryable: false, signature: signed(keys, { type: 'fail', taskId: tampered, attempt: 1, error: 'source unreachable', retryable: true }) },
            { task_id: unsigned, type: 'complete', result: {} },
          ],
        },
        authHeaders(agent.api_key),
      );
      expect(response.status).toBe(200);
      expect(response.body.data.map((answer) => [answer.status, answer.problem?.type.split('/').pop() ?? null])).toEqual([
        [200, null],
        [422, 'signature-invalid'],
        [422, 'signature-required'],
      ]);
      const [failed, stillTampered, stillUnsigned] = await Promise.all([good, tampered, unsigned].map(getTask));
      expect([failed.status, stillTampered.status, stillUnsigned.status]).toEqual(['failed', 'running', 'running']);
      expect(failed.attempts[0].signature).toMatchObject({ report: 'fail', retryable: false });
      expect(verifiesFromTask(failed)).toBe(true);
    });

    it('rotates the key for the owner only; once task-service has the new key, the old one is refused', async () => {
      const rotated = newKeys();
      expect((await api('PATCH', `/v1/agents/${agent.id}`, { public_key: rotated.publicKey }, authHeaders(agent.api_key))).status).toBe(403);
      const patched = await api<RegisteredAgent>('PATCH', `/v1/agents/${agent.id}`, { public_key: rotated.publicKey }, authHeaders(owner));
      expect(patched.status).toBe(200);
      expect(patched.body.public_key).toBe(rotated.publicKey);

      const [first, second] = await running(2);
      // Until task-service has consumed the rotation, the new key's signature is refused: wait for it to be accepted.
      await waitFor(async () => (await complete(first, { result: {}, signature: signed(rotated, { type: 'complete', taskId: first, attempt: 1, result: {} }) })).status === 200, {
        timeoutMs: 30_000,
        description: 'task-service to learn the rotated key',
      });
      const old = await complete(second, { result: {}, signature: signed(keys, { type: 'complete', taskId: second, attempt: 1, result: {} }) });
      expect({ status: old.status, type: old.body.type }).toEqual({ status: 422, type: expect.stringContaining('signature-invalid') });
      expect((await complete(second, { result: {}, signature: signed(rotated, { type: 'complete', taskId: second, attempt: 1, result: {} }) })).status).toBe(200);
      expect((await getTask(second)).attempts[0].signature?.public_key).toBe(rotated.publicKey);
    });

    it('refuses a public key in any other form with 400 naming public_key', async () => {
      for (const public_key of [keys.publicKey.slice(1), `${keys.publicKey}=`, generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' })]) {
        const response = await api<Problem>('POST', '/v1/agents', { display_name: 'bad key', public_key }, authHeaders(owner));
        expect(response.status).toBe(400);
        expect(response.body.errors?.map((error) => error.field)).toEqual(['public_key']);
      }
    });
  });

  describe('the agent SDK with a signing key', () => {
    const started: AinsAgent[] = [];
    afterAll(() => Promise.all(started.map((agent) => agent.stop())));

    it('registers the public key, signs every result and failure, and needs the owner’s key to change it', async () => {
      const keys = newKeys();
      const tag = `signed-sdk-${randomUUID().slice(0, 8)}`;
      let registered: RegisteredAgent | undefined;
      const agent = new AinsAgent({
        url: gatewayUrl,
        apiKey: owner.key,
        registration: { display_name: 'sdk signer', tags: [tag], max_concurrency: 1_000 },
        onRegistered: (agentRecord) => (registered = agentRecord),
        signingKey: keys.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
        concurrency: 2,
        claimWaitMs: 1_000,
        handleSignals: false,
      });
      agent.handle<{ text: string }>('e2e.signed.echo', async (input) => ({ echoed: input.text, at: new Date(0) }));
      agent.handle('e2e.signed.broken', async () => {
        throw new NonRetryableError('cannot read the input');
      });
      started.push(agent);
      await agent.start();
      expect(registered?.public_key).toBe(keys.publicKey);

      const ids = await Promise.all([submit(tag, 'e2e.signed.echo', { text: 'one' }), submit(tag, 'e2e.signed.echo', { text: 'two' }), submit(tag, 'e2e.signed.broken')]);
      const [one, two, broken] = await Promise.all(ids.map(finished));
      expect([one.status, one.result, two.result]).toEqual(['completed', { echoed: 'one', at: '1970-01-01T00:00:00.000Z' }, { echoed: 'two', at: '1970-01-01T00:00:00.000Z' }]);
      expect(broken).toMatchObject({ status: 'failed', attempts: [{ error: 'NonRetryableError: cannot read the input', signature: { report: 'fail', retryable: false } }] });
      for (const task of [one, two, broken]) {
        expect(task.attempts[0].signature?.public_key).toBe(keys.publicKey);
        expect(verifiesFromTask(task)).toBe(true);
      }
      await agent.stop();

      const agentId = registered?.id as string;
      const agentKey = registered?.api_key as string;
      const otherKeys = newKeys();
      const withoutOwner = new AinsAgent({ url: gatewayUrl, apiKey: agentKey, agentId, signingKey: otherKeys.privateKey, handleSignals: false });
      await expect(withoutOwner.start()).rejects.toThrow('another public key');
      // Refused before its drain ended: an agent that cannot sign as its record says takes no work.
      expect((await api<{ status: string }>('GET', `/v1/agents/${agentId}`, undefined, authHeaders(owner))).body.status).toBe('draining');
      const rotating = new AinsAgent({ url: gatewayUrl, apiKey: agentKey, agentId, signingKey: otherKeys.privateKey, keyRotationApiKey: owner.key, handleSignals: false, claimWaitMs: 1_000 });
      started.push(rotating);
      await rotating.start();
      expect((await api<RegisteredAgent>('GET', `/v1/agents/${agentId}`, undefined, authHeaders(owner))).body.public_key).toBe(otherKeys.publicKey);
      await rotating.stop();
    });
  });
});
