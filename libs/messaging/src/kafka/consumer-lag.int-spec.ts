import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Consumer, Kafka } from 'kafkajs';
import { testKafka, waitFor } from '@ains/testing';
import { createKafkaClient } from './kafka-settings';
import { ConsumerLagProbe } from './consumer-lag';

const logger = pino({ level: 'silent' });

describe('consumer lag against a real Kafka broker', () => {
  let kafka: Kafka;
  const probes: ConsumerLagProbe[] = [];
  const consumers: Consumer[] = [];

  const probe = (groupId: string, kafkaClient = kafka, timeoutMs = 10_000) => {
    const created = new ConsumerLagProbe(kafkaClient, groupId, timeoutMs);
    probes.push(created);
    return created;
  };

  /** A fresh two-partition topic holding `perPartition[i]` messages in partition i. */
  async function topicWith(perPartition: [number, number]): Promise<string> {
    const topic = `ains.test.lag-${randomUUID().slice(0, 8)}.v1`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: perPartition.flatMap((count, partition) => Array.from({ length: count }, (_, i) => ({ partition, value: `m${i}` }))) });
    await producer.disconnect();
    return topic;
  }

  beforeAll(() => {
    kafka = testKafka();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await Promise.all(probes.map((created) => created.close()));
  });

  it('counts, per topic, the messages after the committed offsets, and all of a partition without a commit', async () => {
    const topic = await topicWith([5, 3]);
    const groupId = `ains-test-lag-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '2' }] });
    await admin.disconnect();

    expect(await probe(groupId).read()).toEqual(new Map([[topic, 3 + 3]]));
  });

  it('reports a live group’s subscribed topic before its first commit, and no lag once it has caught up', async () => {
    const topic = await topicWith([4, 2]);
    const groupId = `ains-test-lag-${randomUUID()}`;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const consumer = kafka.consumer({ groupId });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ autoCommitInterval: 100, eachMessage: () => released });
    const lag = probe(groupId);

    // Held at its first message: nothing committed, every message still to read.
    await waitFor(async () => (await lag.read()).get(topic) === 6, { description: 'the full lag of the subscribed topic' });
    release();
    await waitFor(async () => (await lag.read()).get(topic) === 0, { timeoutMs: 30_000, description: 'the lag to drain' });
  });

  it('gives up within its timeout when no broker answers', async () => {
    const unreachable = createKafkaClient({ brokers: ['127.0.0.1:1'], clientId: 'ains-test-lag' }, logger);
    await expect(probe('ains-test-lag-nobody', unreachable, 300).read()).rejects.toThrow('lag of consumer group ains-test-lag-nobody: no answer within 300 ms');
  });
});
