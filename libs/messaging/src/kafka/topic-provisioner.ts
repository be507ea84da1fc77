import type { Kafka } from 'kafkajs';
import { ALL_TOPICS } from '@ains/contracts';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates every AINS topic that does not exist yet. Safe to run from every service at start-up
 * and from a provisioning job: existing topics are left as they are.
 */
export async function provisionTopics(kafka: Kafka, layout: TopicLayout): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = ALL_TOPICS.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions,
          replicationFactor: layout.replicationFactor,
          configEntries: [{ name: 'min.insync.replicas', value: String(Math.min(2, layout.replicationFactor)) }],
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
