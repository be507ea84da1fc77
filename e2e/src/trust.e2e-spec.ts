import { randomUUID } from 'node:crypto';
import { Topics, type LeaderboardView, type TrustDetailView, type TrustHistoryView } from '@ains/contracts';
import { TopicRecorder, waitFor } from '@ains/testing';
import { authHeaders, createApiKey, type TestApiKey } from './support/auth';
import { api } from './support/http';

describe('trust through the gateway', () => {
  let recorder: TopicRecorder;
  let reader: TestApiKey;
  let trustAdmin: TestApiKey;

  beforeAll(async () => {
    recorder = await new TopicRecorder([Topics.trust]).start();
    reader = await createApiKey({ scopes: ['trust:read'] });
    trustAdmin = await createApiKey({ scopes: ['trust:read', 'trust:admin'] });
  });

  afterAll(() => recorder.stop());

  it('serves the score, takes overrides from trust:admin keys only, and ranks the agent', async () => {
    const tag = `e2e-${randomUUID().slice(0, 8)}`;
    const registered = await api<{ id: string }>('POST', '/v1/agents', { display_name: 'trusted-1', tags: [tag] });
    expect(registered.status).toBe(201);
    const agentId = registered.body.id;

    const initial = await waitFor(
      async () => {
        const response = await api<TrustDetailView>('GET', `/v1/agents/${agentId}/trust`, undefined, authHeaders(reader));
        return response.status === 200 ? response.body : undefined;
      },
      { description: 'the initial trust score' },
    );
    expect(initial).toMatchObject({ score: 0.5, tier: 'average', success_rate: null });

    const overridePath = `/v1/agents/${agentId}/trust/override`;
    const denied = await api('POST', overridePath, { score: 0.95, reason: 'not mine to give' }, authHeaders(reader));
    expect(denied.status).toBe(403);

    const overridden = await api<TrustDetailView>('POST', overridePath, { score: 0.95, reason: 'audited by operations' }, authHeaders(trustAdmin));
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({ score: 0.95, tier: 'excellent' });
    expect(overridden.body.recent_changes[0]).toMatchObject({ event_type: 'manual_override', actor_key_id: trustAdmin.id, score_before: 0.5, score_after: 0.95 });

    const history = await api<TrustHistoryView>('GET', `/v1/agents/${agentId}/trust/history?limit=1`, undefined, authHeaders(reader));
    expect(history.status).toBe(200);
    expect(history.body.data).toHaveLength(1);
    expect(history.body.next_cursor).not.toBeNull();
    expect(history.body.trend).toEqual({ change_24h: 0.45, change_7d: 0.45, change_30d: 0.45 });

    const leaderboard = await api<LeaderboardView>('GET', `/v1/trust/leaderboard?tag=${tag}`, undefined, authHeaders(reader));
    expect(leaderboard.status).toBe(200);
    expect(leaderboard.body.data).toEqual([expect.objectContaining({ rank: 1, agent_id: agentId, display_name: 'trusted-1', score: 0.95, tier: 'excellent' })]);

    const published = await waitFor(() => {
      const found = recorder.find((message) => message.key === agentId);
      return found.length === 3 ? found : undefined;
    }, { description: 'the initial score, the override and the tier change on Kafka' });
    expect(published.map((message) => message.headers.ce_type)).toEqual(['ains.trust.score_changed.v1', 'ains.trust.score_changed.v1', 'ains.trust.tier_changed.v1']);
  });

  it('validates trust requests at the gateway', async () => {
    const agentPath = `/v1/agents/${randomUUID()}/trust/override`;
    const invalid = await api<{ errors: { field: string }[] }>('POST', agentPath, { score: 0.5, delta: 0.1, reason: 'both', extra: 1 }, authHeaders(trustAdmin));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    const badTier = await api('GET', '/v1/trust/leaderboard?tier=legendary', undefined, authHeaders(reader));
    expect(badTier.status).toBe(400);
    const unknown = await api('GET', `/v1/agents/${randomUUID()}/trust`, undefined, authHeaders(reader));
    expect(unknown.status).toBe(404);
  });
});
