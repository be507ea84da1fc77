import { Topics } from '@ains/contracts';
import { TopicRecorder, query, waitFor } from '@ains/testing';
import { api } from './support/http';
import { e2eEnv } from './support/stack-env';

interface AgentWithTrust {
  id: string;
  display_name: string;
  tags: string[];
  trust: { score: number; tier: string } | null;
}

describe('agent registration flows through Kafka to trust', () => {
  let recorder: TopicRecorder;

  beforeAll(async () => {
    recorder = await new TopicRecorder([Topics.agent, Topics.trust]).start();
  });

  afterAll(() => recorder.stop());

  it('registers an agent, publishes its event once, and the gateway returns agent and trust together', async () => {
    const created = await api<AgentWithTrust>('POST', '/v1/agents', {
      display_name: 'summariser-1',
      tags: ['nlp', 'gpu'],
      capabilities: [{ name: 'python', version: '3.12.1' }],
      max_concurrency: 4,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBeTruthy();
    const agentId = created.body.id;

    const combined = await waitFor(
      async () => {
        const response = await api<AgentWithTrust>('GET', `/v1/agents/${agentId}`);
        return response.body.trust ? response.body : undefined;
      },
      { description: 'the trust score to appear through the gateway' },
    );
    expect(combined).toMatchObject({ id: agentId, display_name: 'summariser-1', tags: ['nlp', 'gpu'], trust: { score: 0.5, tier: 'average' } });

    const registered = await waitFor(() => {
      const found = recorder.find((m) => m.topic === Topics.agent && m.key === agentId);
      return found.length > 0 ? found : undefined;
    });
    expect(registered).toHaveLength(1);
    expect(registered[0].headers).toMatchObject({ ce_type: 'ains.agent.registered.v1', ce_source: '/ains/agent-service', ce_subject: agentId });
    expect(registered[0].headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const scoreEvents = await waitFor(() => {
      const found = recorder.find((m) => m.topic === Topics.trust && m.key === agentId);
      return found.length > 0 ? found : undefined;
    });
    expect(scoreEvents[0].headers.ce_type).toBe('ains.trust.score_changed.v1');
    // One trace runs from the gateway request through agent-service to trust-service's event.
    expect(scoreEvents[0].headers.traceparent.slice(3, 35)).toBe(registered[0].headers.traceparent.slice(3, 35));

    const records = await query(e2eEnv.DATABASE_URL, 'SELECT score_before_bp, score_after_bp FROM trust.trust_records WHERE agent_id = $1', [agentId]);
    expect(records).toEqual([{ score_before_bp: null, score_after_bp: 5000 }]);
  });

  it('answers 404 problem+json for an unknown agent', async () => {
    const response = await api('GET', '/v1/agents/5f0c6f9e-8a5b-4a55-9f4e-2b1d6a3c9e10');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
