#!/usr/bin/env node
// Round trip against a running broker with the repo's kafkajs: admin, plain
// and transactional producers, a consumer group with committed offsets.
// Every step prints one line; the first failure exits 1 and names the step.
//
// Usage: node tools/kafka/smoke.mjs [--broker host:port] [--keep]
//   --keep  leave the topic (and its committed offsets) in place, e.g. to
//           check that data survives a broker restart with --expect-existing.
//   --expect-existing  the topic must already exist with earlier messages.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Kafka, logLevel, CompressionTypes, Partitioners, ConfigResourceTypes } = createRequire(path.join(repoRoot, 'package.json'))('kafkajs');

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: `127.0.0.1:${process.env.KAFKA_PORT || '9092'}` },
    topic: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'expect-existing': { type: 'boolean', default: false },
  },
});

const topic = values.topic ?? `smoke-${randomUUID().slice(0, 8)}`;
const groupId = `${topic}-group`;
const kafka = new Kafka({
  clientId: 'ains-kafka-smoke',
  brokers: [values.broker],
  logLevel: logLevel.WARN,
});

let step = 'start';
const runId = randomUUID().slice(0, 8);
const committedOffsets = async () => {
  const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
};
const started = Date.now();
let stepStarted = started;
const ok = (msg) => {
  console.log(`ok   ${step}${msg ? `: ${msg}` : ''} (${Date.now() - stepStarted} ms)`);
  stepStarted = Date.now();
};

const admin = kafka.admin();
const createPartitioner = Partitioners.DefaultPartitioner;
const producer = kafka.producer({ idempotent: true, createPartitioner });
const txProducer = kafka.producer({ transactionalId: `${topic}-tx`, maxInFlightRequests: 1, idempotent: true, createPartitioner });
const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });

try {
  step = 'admin.connect + describeCluster';
  await admin.connect();
  const cluster = await admin.describeCluster();
  ok(`brokers=${cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(',')} controller=${cluster.controller}`);

  let committedBefore = 0;
  if (values['expect-existing']) {
    step = 'topic survived restart';
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) throw new Error(`topic ${topic} missing; topics: ${topics.join(',')}`);
    const offsets = await admin.fetchTopicOffsets(topic);
    const inLog = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
    if (inLog === 0) throw new Error('topic exists but holds no messages');
    committedBefore = await committedOffsets();
    if (committedBefore === 0) throw new Error(`group ${groupId} has no committed offsets`);
    ok(`${inLog} offsets in the log, group ${groupId} committed ${committedBefore}`);
  } else {
    step = 'admin.createTopics';
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    if (!created) throw new Error('createTopics returned false');
    ok(topic);
  }

  step = 'admin.fetchTopicMetadata';
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  ok(`${meta.topics[0].partitions.length} partitions`);

  step = 'producer.send (idempotent, gzip)';
  await producer.connect();
  const n = 30;
  const messages = Array.from({ length: n }, (_, i) => ({ key: `k${i % 5}`, value: `${runId}:v${i}` }));
  await producer.send({ topic, messages, compression: CompressionTypes.GZIP });
  ok(`${n} messages`);

  step = 'transactional producer';
  await txProducer.connect();
  const tx = await txProducer.transaction();
  await tx.send({ topic, messages: [{ key: 'tx', value: `${runId}:tx` }] });
  await tx.commit();
  ok('1 message committed');

  step = 'consumer group subscribe + run';
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  // A group that committed before (--expect-existing) must resume after its
  // committed offsets, so in both cases it sees exactly this run's messages.
  const expected = n + 1;
  const seen = [];
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${seen.length}/${expected} messages`)), 60000);
    consumer
      .run({
        eachMessage: async ({ message }) => {
          seen.push(message.value.toString());
          if (seen.length >= expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await done;
  const foreign = seen.filter((v) => !v.startsWith(`${runId}:`));
  if (foreign.length > 0) throw new Error(`consumed ${foreign.length} messages of an earlier run: committed offsets were not honoured`);
  ok(`${seen.length} messages consumed`);

  step = 'consumer.commitOffsets + disconnect';
  await consumer.disconnect();
  ok();

  step = 'admin.describeGroups + fetchOffsets';
  const groups = await admin.describeGroups([groupId]);
  const committedSum = await committedOffsets();
  // Transaction markers take an offset each, so offsets advance by >= messages.
  if (committedSum - committedBefore < expected) {
    throw new Error(`committed offsets moved by ${committedSum - committedBefore}, expected >= ${expected}`);
  }
  ok(`group state=${groups.groups[0].state}, committed offsets sum=${committedSum}`);

  step = 'admin configs, offsets by time, groups, records, partitions';
  const resource = { type: ConfigResourceTypes.TOPIC, name: topic };
  await admin.alterConfigs({ resources: [{ ...resource, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] });
  const described = await admin.describeConfigs({ resources: [{ ...resource, configNames: ['retention.ms'] }], includeSynonyms: false });
  const retention = described.resources[0].configEntries.find((e) => e.configName === 'retention.ms')?.configValue;
  if (retention !== '3600000') throw new Error(`retention.ms is ${retention} after alterConfigs`);
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() - 3600000);
  const listed = await admin.listGroups();
  if (!listed.groups.some((g) => g.groupId === groupId)) throw new Error(`listGroups lacks ${groupId}`);
  if (!values.keep) {
    const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high }));
    await admin.deleteTopicRecords({ topic, partitions });
    await admin.createPartitions({ topicPartitions: [{ topic, count: 4 }] });
  }
  ok(`describe/alterConfigs, offsetsByTimestamp (${byTime.length} partitions), listGroups${values.keep ? '' : ', deleteRecords, createPartitions'}`);

  step = 'consume-transform-produce transaction (sendOffsets)';
  const txTopic = `${topic}-out`;
  await admin.createTopics({ topics: [{ topic: txTopic, numPartitions: 1 }], waitForLeaders: true });
  const tx2 = await txProducer.transaction();
  await tx2.send({ topic: txTopic, messages: [{ value: `${runId}:forwarded` }] });
  // Its own group: committing offset 1 for the main group would rewind it.
  await tx2.sendOffsets({ consumerGroupId: `${groupId}-tx`, topics: [{ topic, partitions: [{ partition: 0, offset: '1' }] }] });
  await tx2.commit();
  const aborted = await txProducer.transaction();
  await aborted.send({ topic: txTopic, messages: [{ value: `${runId}:aborted` }] });
  await aborted.abort();
  await admin.deleteTopics({ topics: [txTopic] });
  ok('commit with offsets + abort');

  if (!values.keep) {
    step = 'admin.deleteTopics';
    await admin.deleteTopics({ topics: [topic] });
    await admin.deleteGroups([groupId, `${groupId}-tx`]);
    ok();
  }
  console.log(`smoke: passed in ${Date.now() - started} ms (topic ${topic})`);
} catch (err) {
  console.error(`FAIL ${step}: ${err.name}: ${err.message}${err.type ? ` [${err.type}]` : ''}`);
  process.exitCode = 1;
} finally {
  await Promise.allSettled([producer.disconnect(), txProducer.disconnect(), consumer.disconnect(), admin.disconnect()]);
}
