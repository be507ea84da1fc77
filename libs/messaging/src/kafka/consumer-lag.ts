import { AssignerProtocol, type Admin, type GroupDescription, type Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { withTimeout, type MetricsService } from '@ains/platform';

/** A group's committed offset per partition of one topic; `-1` where it has committed none. */
export interface CommittedOffsets {
  topic: string;
  partitions: { partition: number; offset: string }[];
}

/** A partition's oldest retained offset (`low`) and the offset its next message gets (`high`). */
export interface PartitionRange {
  partition: number;
  low: string;
  high: string;
}

/**
 * Messages a consumer group has still to read, per topic: over the topic's partitions, the log end
 * minus the group's committed offset. Without a committed offset the group starts from the
 * beginning (kafkaConsumerOptions subscribes `fromBeginning`), so every retained message counts;
 * an offset that retention has overtaken counts from the oldest retained message.
 */
export function lagByTopic(ranges: ReadonlyMap<string, readonly PartitionRange[]>, committed: readonly CommittedOffsets[]): Map<string, number> {
  const committedOffset = new Map(committed.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => [`${topic}/${partition}`, Number(offset)] as const)));
  const lag = new Map<string, number>();
  for (const [topic, partitions] of ranges) {
    let behind = 0;
    for (const { partition, low, high } of partitions) {
      const offset = committedOffset.get(`${topic}/${partition}`) ?? -1;
      behind += Math.max(0, Number(high) - Math.max(offset, Number(low)));
    }
    lag.set(topic, behind);
  }
  return lag;
}

/** The topics the group's live members subscribe to, from their join metadata. */
export function subscribedTopics(group: GroupDescription | undefined): string[] {
  const topics = (group?.members ?? []).flatMap((member) => (member.memberMetadata.length > 0 ? (AssignerProtocol.MemberMetadata.decode(member.memberMetadata)?.topics ?? []) : []));
  return [...new Set(topics)];
}

/**
 * Reads a consumer group's lag from the brokers for `ains_kafka_consumer_lag`: the topics its
 * members subscribe to plus those it has committed offsets on. Bounded by `timeoutMs`, so a slow
 * broker never hangs /metrics; a read still running when the next scrape comes is joined, not
 * repeated, so scrapes during an outage do not pile requests up.
 */
export class ConsumerLagProbe {
  private readonly admin: Admin;
  private reading: Promise<Map<string, number>> | undefined;

  constructor(
    kafka: Kafka,
    readonly groupId: string,
    private readonly timeoutMs: number,
  ) {
    this.admin = kafka.admin();
  }

  read(): Promise<Map<string, number>> {
    this.reading ??= this.fetchLag().finally(() => {
      this.reading = undefined;
    });
    return withTimeout(this.reading, this.timeoutMs, `lag of consumer group ${this.groupId}`);
  }

  async close(): Promise<void> {
    await this.admin.disconnect();
  }

  private async fetchLag(): Promise<Map<string, number>> {
    // Connects, or reconnects after a broker restart; a no-op while connected.
    await this.admin.connect();
    const [{ groups }, committed] = await Promise.all([this.admin.describeGroups([this.groupId]), this.admin.fetchOffsets({ groupId: this.groupId })]);
    const topics = new Set([...subscribedTopics(groups[0]), ...committed.map(({ topic }) => topic)]);
    const ranges = await Promise.all([...topics].map(async (topic) => [topic, await this.admin.fetchTopicOffsets(topic)] as const));
    return lagByTopic(new Map(ranges), committed);
  }
}

/**
 * `ains_kafka_consumer_lag{group,topic}`, read at every scrape. When the brokers do not answer in
 * time, the topics last seen report -1 (as the other gauges read at scrape do), and the first
 * failure of a run of them is logged.
 */
export function exportConsumerLag(metrics: MetricsService, probe: ConsumerLagProbe, logger: Logger): void {
  let topics: string[] = [];
  let failing = false;
  metrics.gauge({
    name: 'ains_kafka_consumer_lag',
    help: 'Messages the consumer group has still to read, per topic (-1: the brokers did not answer in time).',
    labelNames: ['group', 'topic'],
    async collect() {
      try {
        const lag = await probe.read();
        this.reset();
        for (const [topic, behind] of lag) this.set({ group: probe.groupId, topic }, behind);
        topics = [...lag.keys()];
        failing = false;
      } catch (error) {
        for (const topic of topics) this.set({ group: probe.groupId, topic }, -1);
        if (!failing) logger.warn({ err: error, group: probe.groupId }, 'could not read the consumer group lag');
        failing = true;
      }
    },
  });
}
