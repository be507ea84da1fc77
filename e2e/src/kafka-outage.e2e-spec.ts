import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { query, waitFor } from '@ains/testing';
import { api } from './support/http';
import { e2eEnv } from './support/stack-env';

const root = resolve(__dirname, '../..');

function kafka(command: 'start' | 'stop'): void {
  const result = spawnSync(resolve(root, 'tools/kafka/kafka.sh'), [command], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`kafka.sh ${command} failed`);
}

describe('a Kafka outage loses nothing', () => {
  afterAll(() => kafka('start'));

  it('accepts a registration while the broker is down and publishes it when the broker returns', async () => {
    kafka('stop');
    const created = await api<{ id: string }>('POST', '/v1/agents', { display_name: 'registered-during-outage' });
    expect(created.status).toBe(201);
    const agentId = created.body.id;

    const [pending] = await query<{ published_at: Date | null }>(e2eEnv.DATABASE_URL, 'SELECT published_at FROM agent.outbox WHERE message_key = $1', [agentId]);
    expect(pending.published_at).toBeNull();

    kafka('start');
    await waitFor(
      async () => {
        const response = await api<{ trust: { score: number } | null }>('GET', `/v1/agents/${agentId}`);
        return response.body.trust?.score === 0.5;
      },
      { timeoutMs: 60_000, description: 'the trust score after the broker came back' },
    );
    const [published] = await query<{ published_at: Date | null }>(e2eEnv.DATABASE_URL, 'SELECT published_at FROM agent.outbox WHERE message_key = $1', [agentId]);
    expect(published.published_at).not.toBeNull();
  });
});
