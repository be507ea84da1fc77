import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics } from '@ains/contracts';
import { OutboxRelay, type ProcessOutcome } from '@ains/messaging';
import { loadConfig } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { dropSchemas, ensureDatabase, query, serviceTestEnv, testEnv } from '@ains/testing';
import { trustService, type TrustServiceSettings } from '../service';
import { deliver, finishedTask, type KafkaEvent } from '../testing/trust-events';
import { applyTaskOutcome, INITIAL_SCORE_BP, type ScoreState, type TaskOutcome } from './trust-rules';

const INSTANCES = 3;
const WORKERS_PER_INSTANCE = 8;
const EVENTS = 1_000;
const REDELIVERIES = 200;

const OUTCOME_OF_TYPE: Record<string, TaskOutcome> = {
  'ains.task.completed.v1': 'completed',
  'ains.task.failed.v1': 'failed',
  'ains.task.timed_out.v1': 'timed_out',
};

interface RecordRow {
  event_type: string;
  task_id: string | null;
  delta_bp: number;
  score_before_bp: number | null;
  score_after_bp: number;
}

/**
 * Several service instances (each its own connection pool and inbox) and many async workers per
 * instance deliver one agent's outcomes at the same time, as consumers of different partitions
 * would (task events are keyed by task id). The score row lock must serialise them.
 */
describe('concurrent task outcomes for one agent (several consumers, real Postgres)', () => {
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, 'trust');
    for (let i = 0; i < INSTANCES; i += 1) {
      const config = loadConfig(trustService.config, serviceTestEnv({ DATABASE_POOL_SIZE: '6' })) as TrustServiceSettings;
      // Deliveries come from the workers below, not from a broker.
      const app = await createServiceApp({ ...trustService, consumes: false }, config);
      await app.init();
      // The outbox is checked in the database; publishing thousands of score changes to the shared broker would only burden other consumers.
      await app.get(OutboxRelay).stop();
      apps.push(app);
    }
  });

  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('applies 1,000 outcomes delivered concurrently, and 200 redeliveries, with no update lost', async () => {
    const agentId = randomUUID();
    // 70 % completed, 20 % failed, 10 % timed out; the bonus window sits near its threshold.
    const events = Array.from({ length: EVENTS }, (_, i): KafkaEvent => finishedTask(i % 10 < 7 ? 'completed' : i % 10 < 9 ? 'failed' : 'timed_out', agentId));
    const deliveries = shuffle([...events, ...events.slice(0, REDELIVERIES)]);

    const outcomes: ProcessOutcome[] = [];
    let next = 0;
    const worker = async (app: NestFastifyApplication) => {
      while (next < deliveries.length) {
        const event = deliveries[next];
        next += 1;
        outcomes.push(await deliver(app, event, Topics.task, next));
      }
    };
    await Promise.all(apps.flatMap((app) => Array.from({ length: WORKERS_PER_INSTANCE }, () => worker(app))));

    expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(EVENTS);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(REDELIVERIES);

    const records = await query<RecordRow>(
      testEnv.databaseUrl,
      'SELECT event_type, task_id, delta_bp, score_before_bp, score_after_bp FROM trust.trust_records WHERE agent_id = $1 ORDER BY id',
      [agentId],
    );
    const [initial, ...changes] = records;
    expect(initial).toMatchObject({ score_before_bp: null, score_after_bp: INITIAL_SCORE_BP });
    expect(changes).toHaveLength(EVENTS);
    expect(new Set(changes.map((record) => record.task_id))).toEqual(new Set(events.map((event) => event.key)));

    // Each change starts from the previous one's result: no two changes read the same score.
    const brokenLinks = changes.filter((record, i) => record.score_before_bp !== records[i].score_after_bp);
    expect(brokenLinks).toEqual([]);

    // Replaying the rules sequentially, in the order the changes were applied, gives every step.
    let state: ScoreState = { scoreBp: INITIAL_SCORE_BP, window: '' };
    const replayed = changes.map((record) => {
      state = applyTaskOutcome(state, OUTCOME_OF_TYPE[record.event_type]);
      return state.scoreBp;
    });
    expect(changes.map((record) => record.score_after_bp)).toEqual(replayed);

    // A score_changed event for the initial score and for every change that moved the score.
    const [{ published }] = await query<{ published: number }>(
      testEnv.databaseUrl,
      "SELECT count(*)::int AS published FROM trust.outbox WHERE message_key = $1 AND event_type = 'ains.trust.score_changed.v1'",
      [agentId],
    );
    expect(published).toBe(1 + changes.filter((record) => record.delta_bp !== 0).length);

    const [score] = await query<{ score_bp: number; recent_outcomes: string; tasks_completed: number; tasks_failed: number; tasks_timed_out: number }>(
      testEnv.databaseUrl,
      'SELECT score_bp, recent_outcomes, tasks_completed, tasks_failed, tasks_timed_out FROM trust.trust_scores WHERE agent_id = $1',
      [agentId],
    );
    expect(score).toEqual({ score_bp: state.scoreBp, recent_outcomes: state.window, tasks_completed: 700, tasks_failed: 200, tasks_timed_out: 100 });
  });
});

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
