import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { Registry, Counter } from 'prom-client';
import type { Kafka, Producer } from 'kafkajs';
import { DEAD_LETTER_TOPIC, Topics, type CloudEvent, type EventType } from '@ains/contracts';
import { prepareSchema, toDataSourceOptions } from '@ains/persistence';
import { TopicRecorder, dropSchemas, ensureDatabase, query, testEnv, testKafka, waitFor } from '@ains/testing';
import { messagingTablesMigration } from './messaging-tables.migration';
import { KafkaPublisher } from './kafka/kafka-publisher';
import { provisionTopics } from './kafka/topic-provisioner';
import { OutboxWriter, type NewEvent } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { InboxProcessor, type ConsumedMessage } from './inbox/inbox.processor';
import { EventConsumer, type ConsumerTransaction } from './inbox/event-consumer';
import { KafkaEventConsumer } from './kafka/kafka-event-consumer';
import { toKafkaHeaders } from './kafka/cloud-event-codec';
import { TransactionRunner } from './transaction-runner';
import { PgNotificationListener } from '@ains/persistence';

const SCHEMA = 'messaging_test';
const INBOX_TOPIC = 'ains.test.inbox.v1';
const logger = pino({ level: 'silent' });

class CreateEffects1764130000001 implements MigrationInterface {
  readonly name = 'CreateEffects1764130000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${SCHEMA}.effects (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, agent_id uuid NOT NULL)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${SCHEMA}.effects`);
  }
}

function registered(agentId = randomUUID()): NewEvent {
  return {
    type: 'ains.agent.registered.v1',
    subject: agentId,
    data: { agentId, displayName: 'test agent', tags: [], capabilities: [], maxConcurrency: 1, status: 'online', registeredAt: new Date().toISOString() },
  };
}

/** Records each registration as an effect row; a display name of 'always fails' makes its handler throw. */
class EffectsConsumer extends EventConsumer {
  readonly eventTypes: readonly EventType[] = ['ains.agent.registered.v1'];
  readonly failingCalls = new Map<string, number>();

  override concerns(_type: EventType, data: unknown): boolean {
    return (data as { displayName?: string }).displayName !== 'not ours';
  }

  async handle(events: readonly CloudEvent[], { manager }: ConsumerTransaction): Promise<void> {
    for (const event of events as CloudEvent<'ains.agent.registered.v1'>[]) {
      if (event.data.displayName === 'always fails') {
        this.failingCalls.set(event.id, (this.failingCalls.get(event.id) ?? 0) + 1);
        throw new Error('handler bug');
      }
      await manager.query(`INSERT INTO ${SCHEMA}.effects (event_id, agent_id) VALUES ($1, $2)`, [event.id, event.data.agentId]);
    }
  }
}

/** A registration as the inbox receives it from Kafka. */
function message(event: NewEvent, id = randomUUID(), value?: string): ConsumedMessage {
  const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type: event.type, time: new Date().toISOString(), subject: event.subject, datacontenttype: 'application/json' });
  return { topic: INBOX_TOPIC, partition: 0, offset: '0', key: event.subject, headers, value: Buffer.from(value ?? JSON.stringify(event.data)) };
}

const idOf = (m: ConsumedMessage) => String(m.headers.ce_id);

async function effectsOf(ids: string[]): Promise<string[]> {
  const rows = await query<{ event_id: string }>(testEnv.databaseUrl, `SELECT event_id FROM ${SCHEMA}.effects WHERE event_id = ANY($1) ORDER BY seq`, [ids]);
  return rows.map((row) => row.event_id);
}

function named(displayName: string, agentId = randomUUID()): NewEvent {
  const event = registered(agentId);
  (event.data as { displayName: string }).displayName = displayName;
  return event;
}

describe('messaging against real Postgres and Kafka', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let outbox: OutboxWriter;
  let producer: Producer;

  beforeAll(async () => {
    await ensureDatabase(testEnv.databaseUrl);
    await dropSchemas(testEnv.databaseUrl, SCHEMA);
    dataSource = await new DataSource(
      toDataSourceOptions({
        url: testEnv.databaseUrl,
        schema: SCHEMA,
        applicationName: 'messaging-int-spec',
        entities: [],
        migrations: [messagingTablesMigration(SCHEMA, 1764130000000), CreateEffects1764130000001],
      }),
    ).initialize();
    await prepareSchema(dataSource, SCHEMA);
    kafka = testKafka();
    await provisionTopics(kafka, { partitions: 3, replicationFactor: 1 });
    await provisionTopics(kafka, { partitions: 1, replicationFactor: 1 }, [INBOX_TOPIC]);
    publisher = new KafkaPublisher(kafka, logger);
    outbox = new OutboxWriter(SCHEMA, '/ains/messaging-test', 'replica-a');
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await publisher?.disconnect();
    await dataSource?.destroy();
  });

  describe('outbox relay', () => {
    let recorder: TopicRecorder;
    let listener: PgNotificationListener;
    let relay: OutboxRelay;

    beforeAll(async () => {
      recorder = await new TopicRecorder([Topics.agent]).start();
    });

    afterAll(() => recorder.stop());

    /** Replica A's relay, listening for other replicas' commits; its safety poll is far beyond any test's wait. */
    async function startRelay(pollIntervalMs = 600_000): Promise<OutboxRelay> {
      listener = new PgNotificationListener(testEnv.databaseUrl, 'messaging-int-spec-listener', logger);
      relay = new OutboxRelay(dataSource, publisher, { schema: SCHEMA, pollIntervalMs, batchSize: 100, retentionMs: 60_000, replicaId: 'replica-a' }, logger, listener);
      await listener.start();
      relay.start();
      return relay;
    }

    afterEach(async () => {
      await relay?.stop();
      await listener?.stop();
    });

    it('publishes exactly the events of committed transactions, in commit order per key', async () => {
      // One aggregate, so one partition: Kafka's order there must be the commit order.
      const agentId = randomUUID();
      const [first, second] = await dataSource.transaction((manager) => outbox.append(manager, registered(agentId), registered(agentId)));
      const rolledBack = registered(agentId);
      let rolledBackId: string | undefined;
      await expect(
        dataSource.transaction(async (manager) => {
          [{ id: rolledBackId }] = await outbox.append(manager, rolledBack);
          throw new Error('abort the unit of work');
        }),
      ).rejects.toThrow('abort the unit of work');
      const [sentinel] = await dataSource.transaction((manager) => outbox.append(manager, registered(agentId)));

      await startRelay(50);
      await waitFor(() => recorder.find((m) => m.headers.ce_id === sentinel.id).length === 1, { description: 'the sentinel event' });

      const ids = recorder.find((m) => m.key === agentId).map((m) => m.headers.ce_id);
      expect(ids).toEqual([first.id, second.id, sentinel.id]);
      expect(rolledBackId).toBeDefined();
      expect(ids).not.toContain(rolledBackId);

      const published = recorder.find((m) => m.headers.ce_id === first.id)[0];
      expect(published.key).toBe(first.subject);
      expect(published.headers).toMatchObject({ ce_specversion: '1.0', ce_type: 'ains.agent.registered.v1', ce_source: '/ains/messaging-test', 'content-type': 'application/json' });
      expect(JSON.parse(published.value ?? '')).toEqual(first.data);
      const [{ unpublished }] = await query<{ unpublished: number }>(testEnv.databaseUrl, `SELECT count(*)::int AS unpublished FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);
      expect(unpublished).toBe(0);
    });

    it('refuses to write outside a transaction', async () => {
      await expect(outbox.append(dataSource.manager, registered())).rejects.toThrow('inside a transaction');
    });

    it('is woken only by transactions that wrote outbox rows, and publishes right after their commit', async () => {
      await startRelay();
      await waitFor(() => relay.rounds.poll === 1, { description: 'the start-up round' });
      const transactions = new TransactionRunner(dataSource, () => relay.wake());
      for (let i = 0; i < 5; i += 1) await transactions.run((manager) => manager.query('SELECT 1'));
      expect(relay.rounds).toEqual({ commit: 0, notification: 0, poll: 1 });

      const [event] = await transactions.run((manager) => outbox.append(manager, registered()));
      await waitFor(() => recorder.find((m) => m.headers.ce_id === event.id).length === 1, { description: 'the event, long before the safety poll' });
      expect(relay.rounds.commit).toBe(1);
      // Its own commit's notification is recognised as an echo and costs no round.
      expect(relay.rounds.notification).toBe(0);
    });

    it("publishes another replica's rows on its notification, without waiting for the safety poll", async () => {
      await startRelay();
      await waitFor(() => relay.rounds.poll === 1, { description: 'the start-up round' });
      const otherReplica = new OutboxWriter(SCHEMA, '/ains/messaging-test', 'replica-b');
      // Replica B commits and does not publish (its relay is busy, or it crashed right after).
      const [event] = await dataSource.transaction((manager) => otherReplica.append(manager, registered()));
      await waitFor(() => recorder.find((m) => m.headers.ce_id === event.id).length === 1, { description: "replica B's event" });
      expect(relay.rounds.notification).toBeGreaterThanOrEqual(1);
      expect(relay.rounds.poll).toBe(1);
    });
  });

  describe('inbox', () => {
    let inbox: InboxProcessor;
    let effects: EffectsConsumer;
    let deadLetters: TopicRecorder;

    beforeAll(async () => {
      const consumed = new Counter({ name: 'test_consumed_total', help: 'test', labelNames: ['event_type', 'outcome'], registers: [new Registry()] });
      inbox = new InboxProcessor(dataSource, publisher, { schema: SCHEMA, consumerGroup: 'inbox-spec', maxAttempts: 3 }, logger, consumed, () => undefined);
      effects = new EffectsConsumer();
      inbox.use([effects]);
      deadLetters = await new TopicRecorder([DEAD_LETTER_TOPIC]).start();
    });

    afterAll(() => deadLetters.stop());

    it('applies a batch redelivered whole or in part once', async () => {
      const batch = [message(registered()), message(registered()), message(registered())];
      expect(await inbox.processBatch(batch)).toMatchObject({ processed: 3, duplicate: 0 });
      const next = message(registered());
      expect(await inbox.processBatch([batch[1], batch[2], next])).toMatchObject({ processed: 1, duplicate: 2 });
      expect(await inbox.processBatch(batch)).toMatchObject({ processed: 0, duplicate: 3 });
      expect(await effectsOf([...batch, next].map(idOf))).toEqual([...batch, next].map(idOf));
    });

    it('counts the same event twice in one batch once', async () => {
      const twice = message(registered());
      expect(await inbox.processBatch([twice, twice])).toMatchObject({ processed: 1, duplicate: 1 });
      expect(await effectsOf([idOf(twice)])).toHaveLength(1);
    });

    it('records one effect per event when the same batch is handled concurrently', async () => {
      const batch = Array.from({ length: 20 }, () => message(registered()));
      const results = await Promise.all([inbox.processBatch(batch), inbox.processBatch([...batch].reverse()), inbox.processBatch(batch.slice(5))]);
      expect(results.reduce((sum, r) => sum + r.processed, 0)).toBe(20);
      expect(await effectsOf(batch.map(idOf))).toHaveLength(20);
    });

    it('skips events its consumers are not concerned with, before any database work', async () => {
      const skipped = message(named('not ours'));
      expect(await inbox.processBatch([skipped])).toMatchObject({ skipped: 1, processed: 0 });
      expect(await query(testEnv.databaseUrl, `SELECT 1 FROM ${SCHEMA}.inbox WHERE event_id = $1`, [idOf(skipped)])).toHaveLength(0);
    });

    it('dead-letters a poison event inside a batch alone and applies the rest in order', async () => {
      const before = message(registered());
      const failing = message(named('always fails'));
      const undecodable = message(registered(), randomUUID(), '{not json');
      const after = message(registered());
      const outcome = await inbox.processBatch([before, failing, undecodable, after]);

      expect(outcome).toMatchObject({ processed: 2, 'dead-lettered': 2 });
      expect(await effectsOf([before, failing, after].map(idOf))).toEqual([idOf(before), idOf(after)]);
      // Once in the batch, then CONSUMER_MAX_ATTEMPTS times on its own.
      expect(effects.failingCalls.get(idOf(failing))).toBe(4);
      const letters = await waitFor(() => {
        const found = deadLetters.find((m) => m.headers.ce_id === idOf(failing) || m.headers.ce_id === idOf(undecodable));
        return found.length === 2 ? found : undefined;
      }, { description: 'both dead letters' });
      const poisonLetter = letters.find((m) => m.headers.ce_id === idOf(undecodable))!;
      expect(poisonLetter.value).toBe('{not json');
      expect(poisonLetter.headers['x-dead-letter-reason']).toContain('not JSON');
      expect(poisonLetter.headers['x-dead-letter-topic']).toBe(INBOX_TOPIC);
      expect(letters.find((m) => m.headers.ce_id === idOf(failing))!.headers['x-dead-letter-reason']).toBe('handler bug');
    });

    it('consumes a partition from Kafka in batches, keeping per-key order across them and skipping past a poison event', async () => {
      const agentId = randomUUID();
      const events = Array.from({ length: 40 }, (_, i) => (i === 17 ? message(named('always fails', agentId)) : message(registered(agentId))));
      const consumer = new KafkaEventConsumer(kafka, inbox, { groupId: `inbox-spec-${randomUUID()}`, partitionsConsumedConcurrently: 1, maxBatchSize: 7, fetchMinBytes: 1, fetchMaxWaitMs: 5_000 }, logger);
      // In several sends, so the consumer sees several fetches as well as several slices.
      for (let start = 0; start < events.length; start += 10) {
        await producer.send({ topic: INBOX_TOPIC, messages: events.slice(start, start + 10).map((m) => ({ key: m.key, headers: m.headers as Record<string, string>, value: m.value as Buffer })) });
      }
      await consumer.start([INBOX_TOPIC]);
      try {
        const expected = events.filter((_, i) => i !== 17).map(idOf);
        await waitFor(async () => (await effectsOf(expected)).length === expected.length, { description: 'every good event applied' });
        expect(await effectsOf(expected)).toEqual(expected);
        await waitFor(() => deadLetters.find((m) => m.headers.ce_id === idOf(events[17])).length === 1, { description: 'the poison event dead-lettered' });
      } finally {
        await consumer.stop();
      }
    });
  });
});
