import type { Kafka } from 'kafkajs';
import { WEBHOOK_TOPICS } from '@ains/contracts';

/**
 * Points a new consumer group at the current end of the webhook topics. New groups otherwise read
 * from the beginning, and the shared test broker holds every other suite's events: catching up
 * would take longer than the test. Events published afterwards are all seen.
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of WEBHOOK_TOPICS.filter((name) => existing.has(name))) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}
