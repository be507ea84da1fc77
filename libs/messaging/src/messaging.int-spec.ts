import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { Registry, Counter } from 'prom-client';
import type { Kafka, Producer } from 'kafkajs';
import { DEAD_LETTER_TOPIC, Topics } from '@ains/contracts';
import { prepareSchema, toDataSourceOptions } from '@ains/persistence';
import { TopicRecorder, dropSchemas, ensureDatabase, query, testEnv, testKafka, waitFor } from '@ains/testing';
import { messagingTablesMigration } from './messaging-tables.migration';
import { KafkaPublisher } from './kafka/kafka-publisher';
import { provisionTopics } from './kafka/topic-provisioner';
import { OutboxWriter, type NewEvent } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { InboxProcessor, type ConsumedMessage, type ProcessOutcome } from './inbox/inbox.processor';
import { toKafkaHeaders } from './kafka/cloud-event-codec';
import type { EventHandlers } from './inbox/event-handlers';

const SCHEMA = 'messaging_test';
const INBOX_TOPIC = 'ains.test.inbox.v1';
const logger = pino({ level: 'silent' });

class CreateEffects1764130000001 implements MigrationInterface {
  readonly name = 'CreateEffects1764130000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${SCHEMA}.effects (event_id uuid NOT NULL, agent_id uuid NOT NULL)`);
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

describe('messaging against real Postgres and Kafka', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
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
    relay = new OutboxRelay(dataSource, publisher, { schema: SCHEMA, pollIntervalMs: 50, batchSize: 100, retentionMs: 60_000 }, logger);
    outbox = new OutboxWriter(SCHEMA, '/ains/messaging-test');
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

    beforeAll(async () => {
      recorder = await new TopicRecorder([Topics.agent]).start();
    });

    afterAll(() => recorder.stop());

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

      relay.start();
      try {
        await waitFor(() => recorder.find((m) => m.headers.ce_id === sentinel.id).length === 1, { description: 'the sentinel event' });
      } finally {
        await relay.stop();
      }

      const ids = recorder.find((m) => m.key === agentId).map((m) => m.headers.ce_id);
      expect(ids).toEqual([first.id, second.id, sentinel.id]);
      expect(rolledBackId).toBeDefined();
      expect(ids).not.toContain(rolledBackId);

      const message = recorder.find((m) => m.headers.ce_id === first.id)[0];
      expect(message.key).toBe(first.subject);
      expect(message.headers).toMatchObject({ ce_specversion: '1.0', ce_type: 'ains.agent.registered.v1', ce_source: '/ains/messaging-test', 'content-type': 'application/json' });
      expect(JSON.parse(message.value ?? '')).toEqual(first.data);
      const [{ unpublished }] = await query<{ unpublished: number }>(testEnv.databaseUrl, `SELECT count(*)::int AS unpublished FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);
      expect(unpublished).toBe(0);
    });

    it('refuses to write outside a transaction', async () => {
      await expect(outbox.append(dataSource.manager, registered())).rejects.toThrow('inside a transaction');
    });
  });

  describe('inbox', () => {
    const outcomes: { eventId: string; outcome: ProcessOutcome }[] = [];
    let inbox: InboxProcessor;
    const failingHandlerCalls = new Map<string, number>();
    const handlers: EventHandlers = {
      'ains.agent.registered.v1': async (event, manager) => {
        if (event.data.displayName === 'always fails') {
          failingHandlerCalls.set(event.id, (failingHandlerCalls.get(event.id) ?? 0) + 1);
          throw new Error('handler bug');
        }
        await manager.query(`INSERT INTO ${SCHEMA}.effects (event_id, agent_id) VALUES ($1, $2)`, [event.id, event.data.agentId]);
      },
    };
    const consumer = () => testKafka().consumer({ groupId: `inbox-spec-${randomUUID()}` });
    let running: ReturnType<typeof consumer>;
    let deadLetters: TopicRecorder;

    beforeAll(async () => {
      const consumed = new Counter({ name: 'test_consumed_total', help: 'test', labelNames: ['event_type', 'outcome'], registers: [new Registry()] });
      inbox = new InboxProcessor(dataSource, publisher, { schema: SCHEMA, consumerGroup: 'inbox-spec', maxAttempts: 3 }, logger, consumed, () => undefined);
      deadLetters = await new TopicRecorder([DEAD_LETTER_TOPIC]).start();
      running = consumer();
      await running.connect();
      await running.subscribe({ topic: INBOX_TOPIC, fromBeginning: true });
      await running.run({
        eachMessage: async ({ topic, partition, message, heartbeat }) => {
          const consumedMessage: ConsumedMessage = { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, headers: message.headers ?? {}, value: message.value, heartbeat };
          const outcome = await inbox.process(consumedMessage, handlers);
          outcomes.push({ eventId: message.headers?.ce_id?.toString() ?? 'none', outcome });
        },
      });
    });

    afterAll(async () => {
      await running.disconnect();
      await deadLetters.stop();
    });

    async function send(event: NewEvent, id: string, value?: string) {
      const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type: event.type, time: new Date().toISOString(), subject: event.subject, datacontenttype: 'application/json' });
      await producer.send({ topic: INBOX_TOPIC, messages: [{ key: event.subject, headers, value: value ?? JSON.stringify(event.data) }] });
    }

    it('processes a redelivered event once', async () => {
      const event = registered();
      const id = randomUUID();
      await send(event, id);
      await send(event, id);
      await waitFor(() => outcomes.filter((o) => o.eventId === id).length === 2, { description: 'both deliveries' });
      expect(outcomes.filter((o) => o.eventId === id).map((o) => o.outcome)).toEqual(['processed', 'duplicate']);
      const effects = await query(testEnv.databaseUrl, `SELECT * FROM ${SCHEMA}.effects WHERE event_id = $1`, [id]);
      expect(effects).toHaveLength(1);
    });

    it('records one effect when the same event is handled concurrently', async () => {
      const event = registered();
      const id = randomUUID();
      const message = (): ConsumedMessage => ({
        topic: INBOX_TOPIC,
        partition: 0,
        offset: '0',
        key: event.subject,
        headers: toKafkaHeaders({ specversion: '1.0', id, source: '/test', type: event.type, time: new Date().toISOString(), subject: event.subject, datacontenttype: 'application/json' }),
        value: JSON.stringify(event.data),
        heartbeat: async () => undefined,
      });
      const results = await Promise.all([inbox.process(message(), handlers), inbox.process(message(), handlers), inbox.process(message(), handlers)]);
      expect(results.sort()).toEqual(['duplicate', 'duplicate', 'processed']);
      expect(await query(testEnv.databaseUrl, `SELECT * FROM ${SCHEMA}.effects WHERE event_id = $1`, [id])).toHaveLength(1);
    });

    it('dead-letters a poison message and keeps consuming the partition', async () => {
      const poison = registered();
      const poisonId = randomUUID();
      const failing = registered();
      (failing.data as { displayName: string }).displayName = 'always fails';
      const failingId = randomUUID();
      const good = registered();
      const goodId = randomUUID();
      await send(poison, poisonId, '{not json');
      await send(failing, failingId);
      await send(good, goodId);

      await waitFor(() => outcomes.some((o) => o.eventId === goodId), { description: 'the good message after the poison ones' });
      expect(outcomes.find((o) => o.eventId === poisonId)?.outcome).toBe('dead-lettered');
      expect(outcomes.find((o) => o.eventId === failingId)?.outcome).toBe('dead-lettered');
      expect(outcomes.find((o) => o.eventId === goodId)?.outcome).toBe('processed');
      expect(failingHandlerCalls.get(failingId)).toBe(3);

      const letters = await waitFor(() => {
        const found = deadLetters.find((m) => m.headers.ce_id === poisonId || m.headers.ce_id === failingId);
        return found.length === 2 ? found : undefined;
      }, { description: 'both dead letters' });
      const poisonLetter = letters.find((m) => m.headers.ce_id === poisonId)!;
      expect(poisonLetter.value).toBe('{not json');
      expect(poisonLetter.headers['x-dead-letter-reason']).toContain('not JSON');
      expect(poisonLetter.headers['x-dead-letter-topic']).toBe(INBOX_TOPIC);
      expect(letters.find((m) => m.headers.ce_id === failingId)!.headers['x-dead-letter-reason']).toBe('handler bug');
      expect(await query(testEnv.databaseUrl, `SELECT * FROM ${SCHEMA}.effects WHERE event_id = $1`, [failingId])).toHaveLength(0);
    });
  });
});
