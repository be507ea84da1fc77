import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics, type Caller, type TrustDetailView, type TrustHistoryView } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { callerHeaders, dropSchemas, ensureDatabase, query, serviceTestEnv, testCaller, testEnv } from '@ains/testing';
import { trustService, type TrustServiceSettings } from '../service';
import { agentRegistered, deliver, finishedTask } from '../testing/trust-events';

const DAY_MS = 86_400_000;

describe('trust endpoints (trust-service, real Postgres)', () => {
  let app: NestFastifyApplication;

  const get = (url: string, caller?: Caller) => app.inject({ method: 'GET', url, headers: callerHeaders('GET', url, caller) });
  const override = (agentId: string, payload: unknown, caller = testCaller({ scopes: ['trust:admin'], keyId: 'key-admin' })) => {
    const url = `/v1/agents/${agentId}/trust/override`;
    return app.inject({ method: 'POST', url, headers: callerHeaders('POST', url, caller), payload: payload as Record<string, unknown> });
  };

  async function registerWithOutcomes(...outcomes: ('completed' | 'failed' | 'timed_out')[]): Promise<string> {
    const agentId = randomUUID();
    await deliver(app, agentRegistered(agentId), Topics.agent);
    for (const outcome of outcomes) await deliver(app, finishedTask(outcome, agentId), Topics.task);
    return agentId;
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'trust');
    const config = loadConfig(trustService.config, serviceTestEnv({ LEADERBOARD_CACHE_KEY_PREFIX: `test-${randomUUID()}:` })) as TrustServiceSettings;
    app = await createServiceApp({ ...trustService, consumes: false }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app?.close());

  it('shows score, tier, success rate, task counts and the latest changes', async () => {
    const agentId = await registerWithOutcomes('completed', 'completed', 'failed');
    const response = await get(`/v1/agents/${agentId}/trust`);
    expect(response.statusCode).toBe(200);
    const trust = response.json<TrustDetailView>();
    expect(trust).toMatchObject({ agent_id: agentId, score: 0.49, tier: 'below_average', window_tasks: 3, tasks: { completed: 2, failed: 1, timed_out: 0 } });
    expect(trust.success_rate).toBeCloseTo(2 / 3, 10);
    expect(trust.recent_changes.map((change) => [change.event_type, change.delta, change.score_after])).toEqual([
      ['ains.task.failed.v1', -0.05, 0.49],
      ['ains.task.completed.v1', 0.02, 0.54],
      ['ains.task.completed.v1', 0.02, 0.52],
      ['ains.agent.registered.v1', 0, 0.5],
    ]);
  });

  it('answers 404 problem+json for an agent it does not know, and 400 for a malformed id', async () => {
    const unknown = await get(`/v1/agents/${randomUUID()}/trust`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await get('/v1/agents/not-a-uuid/trust')).statusCode).toBe(400);
  });

  describe('manual override', () => {
    it('sets the score, records who did it and why, and publishes the change and the new tier', async () => {
      const agentId = await registerWithOutcomes();
      const response = await override(agentId, { score: 0.93, reason: 'verified by the operations team' });
      expect(response.statusCode).toBe(200);
      expect(response.json<TrustDetailView>()).toMatchObject({ score: 0.93, tier: 'excellent' });
      expect(response.json<TrustDetailView>().recent_changes[0]).toMatchObject({
        event_type: 'manual_override',
        delta: 0.43,
        score_before: 0.5,
        score_after: 0.93,
        reason: 'manual override (set to 0.93): verified by the operations team',
        actor_key_id: 'key-admin',
      });
      const events = await query<{ event_type: string; payload: Record<string, unknown> }>(testEnv.databaseUrl, 'SELECT event_type, payload FROM trust.outbox WHERE message_key = $1 ORDER BY seq', [agentId]);
      expect(events.map((event) => event.event_type)).toEqual(['ains.trust.score_changed.v1', 'ains.trust.score_changed.v1', 'ains.trust.tier_changed.v1']);
      expect(events[1].payload).toMatchObject({ scoreBp: 9_300, previousScoreBp: 5_000, tier: 'excellent' });
      expect(events[2].payload).toMatchObject({ tier: 'excellent', previousTier: 'average', scoreBp: 9_300 });
    });

    it('shifts the score by a delta, clamped to [0, 1]', async () => {
      const agentId = await registerWithOutcomes();
      expect((await override(agentId, { delta: -0.1234, reason: 'incident 42' })).json<TrustDetailView>().score).toBe(0.3766);
      expect((await override(agentId, { delta: -1, reason: 'incident 43' })).json<TrustDetailView>()).toMatchObject({ score: 0, tier: 'poor' });
    });

    it.each([
      [{ score: 0.9 }, 'reason'],
      [{ score: 0.9, reason: '   ' }, 'reason'],
      [{ reason: 'neither' }, 'score'],
      [{ score: 0.9, delta: 0.1, reason: 'both' }, 'score'],
      [{ score: 0.12345, reason: 'too precise' }, 'score'],
      [{ score: 1.5, reason: 'too high' }, 'score'],
      [{ score: 0.9, reason: 'x', extra: true }, 'extra'],
    ])('rejects %j, naming %s', async (payload, field) => {
      const agentId = await registerWithOutcomes();
      const response = await override(agentId, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toContain(field);
    });

    it('needs the trust:admin scope, and an agent it knows', async () => {
      const agentId = await registerWithOutcomes();
      const reader = testCaller({ scopes: ['trust:read'] });
      expect((await override(agentId, { score: 1, reason: 'promote myself' }, reader)).statusCode).toBe(403);
      expect((await override(randomUUID(), { score: 1, reason: 'nobody' })).statusCode).toBe(404);
      const records = await query(testEnv.databaseUrl, "SELECT 1 FROM trust.trust_records WHERE agent_id = $1 AND event_type = 'manual_override'", [agentId]);
      expect(records).toEqual([]);
    });
  });

  describe('history', () => {
    /** An agent whose trail reaches back 40 days, written as the service would have over time. */
    async function agentWithPast(): Promise<string> {
      const agentId = randomUUID();
      const now = Date.now();
      const trail: [number, number | null, number][] = [
        [40 * DAY_MS, null, 5_000],
        [10 * DAY_MS, 5_000, 6_000],
        [3 * DAY_MS, 6_000, 7_000],
        [DAY_MS / 24, 7_000, 7_500],
      ];
      for (const [ago, before, after] of trail) {
        await query(
          testEnv.databaseUrl,
          `INSERT INTO trust.trust_records (agent_id, event_type, delta_bp, score_before_bp, score_after_bp, reason, created_at) VALUES ($1, 'manual_override', $2, $3, $4, 'seeded', $5)`,
          [agentId, after - (before ?? after), before, after, new Date(now - ago)],
        );
      }
      await query(testEnv.databaseUrl, `INSERT INTO trust.trust_scores (agent_id, score_bp, tier, updated_at) VALUES ($1, 7500, 'good', now())`, [agentId]);
      return agentId;
    }

    it('reports the change over 24 hours, 7 days and 30 days', async () => {
      const agentId = await agentWithPast();
      const history = (await get(`/v1/agents/${agentId}/trust/history`)).json<TrustHistoryView>();
      expect(history.trend).toEqual({ change_24h: 0.05, change_7d: 0.15, change_30d: 0.25 });
    });

    it('filters by time range', async () => {
      const agentId = await agentWithPast();
      const from = new Date(Date.now() - 15 * DAY_MS).toISOString();
      const to = new Date(Date.now() - 2 * DAY_MS).toISOString();
      const url = `/v1/agents/${agentId}/trust/history?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      const history = (await get(url)).json<TrustHistoryView>();
      expect(history.data.map((record) => record.score_after)).toEqual([0.7, 0.6]);
      const inverted = `/v1/agents/${agentId}/trust/history?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`;
      expect((await get(inverted)).statusCode).toBe(400);
    });

    it('pages newest first with a cursor, each record once', async () => {
      const agentId = await registerWithOutcomes(...Array.from({ length: 24 }, () => 'timed_out' as const));
      const seen: string[] = [];
      let url = `/v1/agents/${agentId}/trust/history?limit=10`;
      for (let page = 0; page < 3; page += 1) {
        const response = await get(url);
        expect(response.statusCode).toBe(200);
        const body = response.json<TrustHistoryView>();
        seen.push(...body.data.map((record) => record.id));
        if (page < 2) url = `/v1/agents/${agentId}/trust/history?limit=10&cursor=${body.next_cursor}`;
        else expect(body.next_cursor).toBeNull();
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
      expect((await get(`/v1/agents/${agentId}/trust/history?cursor=garbage`)).statusCode).toBe(400);
    });
  });
});
