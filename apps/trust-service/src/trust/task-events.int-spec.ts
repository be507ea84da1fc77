import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import { Topics } from '@ains/contracts';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv, testKafka, waitFor } from '@ains/testing';
import { trustService, type TrustServiceSettings } from '../service';
import { agentRegistered, finishedTask, type KafkaEvent } from '../testing/trust-events';
import { applyTaskOutcome, INITIAL_SCORE_BP, type ScoreState, type TaskOutcome } from './trust-rules';

/**
 * Task events travel keyed by task id, so one agent's outcomes spread over partitions. These
 * tests pin their messages to partition 0 so that a later "fence" message proves every earlier
 * one (duplicates included) has been consumed, and so that offsets can be rewound precisely.
 */
const PARTITION = 0;

function expectedScore(outcomes: TaskOutcome[]): number {
  return outcomes.reduce<ScoreState>((state, outcome) => applyTaskOutcome(state, outcome), { scoreBp: INITIAL_SCORE_BP, window: '' }).scoreBp;
}

async function inboxHas(eventId: string): Promise<boolean> {
  return (await query(testEnv.databaseUrl, 'SELECT 1 FROM trust.inbox WHERE event_id = $1', [eventId])).length === 1;
}

async function trustOf(agentId: string): Promise<{ score: number | undefined; records: number }> {
  const [score] = await query<{ score_bp: number }>(testEnv.databaseUrl, 'SELECT score_bp FROM trust.trust_scores WHERE agent_id = $1', [agentId]);
  const [{ count }] = await query<{ count: number }>(testEnv.databaseUrl, 'SELECT count(*)::int AS count FROM trust.trust_records WHERE agent_id = $1', [agentId]);
  return { score: score?.score_bp, records: count };
}

describe('trust-service scores task outcomes from Kafka exactly once', () => {
  let producer: Producer;
  const apps: NestFastifyApplication[] = [];

  /** A trust-service instance in the given consumer group, consuming from Kafka. */
  async function startInstance(group: string): Promise<NestFastifyApplication> {
    const config = loadConfig(trustService.config, serviceTestEnv({ LEADERBOARD_CACHE_KEY_PREFIX: `test-${group}:` })) as TrustServiceSettings;
    const app = await createServiceApp({ ...trustService, name: group }, config);
    await app.init();
    apps.push(app);
    return app;
  }

  async function send(topic: string, events: KafkaEvent[]): Promise<string> {
    const [metadata] = await producer.send({ topic, messages: events.map((event) => ({ key: event.key, headers: event.headers, value: event.value, partition: PARTITION })) });
    return metadata.baseOffset ?? '0';
  }

  /**
   * Sends a message behind everything sent so far on the partition and waits until it is consumed.
   * The marker is an outcome of an agent of its own: outcomes without an agent are skipped before
   * the inbox and would never show there.
   */
  async function fence(agentId: string): Promise<void> {
    const marker = finishedTask('completed', randomUUID());
    await send(Topics.task, [marker]);
    await waitFor(() => inboxHas(marker.id), { timeoutMs: 30_000, description: `the fence behind agent ${agentId}'s events` });
  }

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'trust');
    producer = testKafka().producer();
    await producer.connect();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(() => producer?.disconnect());

  it('changes the score once per event when Kafka delivers every event twice', async () => {
    await startInstance(`trust-service-int-${randomUUID().slice(0, 8)}`);
    const agentId = randomUUID();
    const outcomes: TaskOutcome[] = ['completed', 'completed', 'failed', 'timed_out', 'completed'];
    const events = outcomes.map((outcome) => finishedTask(outcome, agentId));
    // Failures and time-outs of tasks that never reached an agent change nobody's score.
    const orphans = [finishedTask('failed', null), finishedTask('timed_out', null)];
    await send(Topics.agent, [agentRegistered(agentId)]);
    await send(Topics.task, [...events, ...orphans].flatMap((event) => [event, event]));
    await fence(agentId);

    await waitFor(async () => (await trustOf(agentId)).records === outcomes.length + 1, { description: 'the registration and the outcomes' });
    expect(await trustOf(agentId)).toEqual({ score: expectedScore(outcomes), records: outcomes.length + 1 });
    const orphanRecords = await query(testEnv.databaseUrl, 'SELECT 1 FROM trust.trust_records WHERE task_id = ANY($1)', [orphans.map((event) => event.key)]);
    expect(orphanRecords).toEqual([]);
    // They are skipped from the payload alone: not even an inbox row (a transaction) is spent on them.
    expect(await Promise.all(orphans.map((event) => inboxHas(event.id)))).toEqual([false, false]);
  });

  it('changes the score once per event when the service restarts mid-batch and Kafka redelivers the batch', async () => {
    const group = `trust-service-int-${randomUUID().slice(0, 8)}`;
    const first = await startInstance(group);
    const agentId = randomUUID();
    // Alternating +0.02 / -0.03 never touches a bound, so any event applied twice shows in the score.
    const outcomes: TaskOutcome[] = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 'completed' : 'timed_out'));
    const events = outcomes.map((outcome) => finishedTask(outcome, agentId));
    const batchOffset = await send(Topics.task, events);

    await waitFor(async () => (await trustOf(agentId)).records >= 5, { description: 'part of the batch to be processed' });
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const appliedBeforeRestart = (await trustOf(agentId)).records - 1;

    // The worst case of a crash: none of the batch's offsets were committed, so all of it comes again.
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: group, topic: Topics.task, partitions: [{ partition: PARTITION, offset: batchOffset }] });
    } finally {
      await admin.disconnect();
    }
    const second = await startInstance(group);
    await fence(agentId);

    expect(await trustOf(agentId)).toEqual({ score: expectedScore(outcomes), records: outcomes.length + 1 });
    const metrics = await second.inject({ method: 'GET', url: '/metrics' });
    const duplicates = /ains_events_consumed_total\{event_type="ains\.task\.completed\.v1",outcome="duplicate"\} (\d+)/.exec(metrics.body);
    const redeliveredCompletions = events.slice(0, appliedBeforeRestart).filter((_, i) => outcomes[i] === 'completed').length;
    expect(Number(duplicates?.[1] ?? 0)).toBeGreaterThanOrEqual(redeliveredCompletions);
  });
});
