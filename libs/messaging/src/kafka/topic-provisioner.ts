import type { Admin, Kafka } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';
import { ALL_TOPICS } from '@ains/contracts';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates every AINS topic (or the given ones) that does not exist yet and waits until each
 * partition has a leader. Safe to run from every service at start-up and from a provisioning job:
 * existing topics are left as they are.
 */
export async function provisionTopics(kafka: Kafka, layout: TopicLayout, topics: readonly string[] = ALL_TOPICS): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // kafkajs' own wait for leaders (on unless turned off) gives up when a busy broker briefly
      // answers "unknown topic" for a topic it has just created; waitForLeaders below tolerates that.
      await admin
        .createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: layout.partitions,
            replicationFactor: layout.replicationFactor,
            configEntries: [{ name: 'min.insync.replicas', value: String(Math.min(2, layout.replicationFactor)) }],
          })),
        })
        .catch(async (error: unknown) => {
          // Several services start together: another one may have created them in between.
          const now = new Set(await admin.listTopics());
          if (topics.some((topic) => !now.has(topic))) throw error;
        });
    }
    await waitForLeaders(admin, topics);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** Every partition of every topic has a leader, so consumers can subscribe and producers send. */
async function waitForLeaders(admin: Admin, topics: readonly string[], attempts = 120): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const ready = await admin
      .fetchTopicMetadata({ topics: [...topics] })
      .then(({ topics }) => topics.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0)))
      .catch(() => false);
    if (ready) return;
    if (attempt >= attempts) throw new Error('Kafka topics have no partition leaders yet');
    await delay(250);
  }
}
