import type { OutgoingMessage } from '../event-publisher';

type Deliver = (messages: readonly OutgoingMessage[]) => Promise<void>;

interface Subscription {
  topics: ReadonlySet<string>;
  deliver: Deliver;
  /** Deliveries to one consumer group run one at a time, in publish order, like one partition. */
  tail: Promise<void>;
}

/**
 * The event transport of the single-process mode. `publish` resolves only after every subscribed
 * consumer group has handled every message (or dead-lettered it), so the outbox relay marks rows
 * published only when they were consumed: the outbox stays the durable log and a crash loses
 * nothing. Each group receives a publication's messages for its topics as one batch, in order.
 * Publishing waits until the bus is opened, i.e. until every service has subscribed.
 */
export class InProcessEventBus {
  private readonly subscriptions = new Map<string, Subscription>();
  private opened!: () => void;
  private readonly openedSignal = new Promise<void>((resolve) => {
    this.opened = resolve;
  });

  subscribe(group: string, topics: Iterable<string>, deliver: Deliver): () => void {
    if (this.subscriptions.has(group)) throw new Error(`consumer group ${group} is already subscribed`);
    this.subscriptions.set(group, { topics: new Set(topics), deliver, tail: Promise.resolve() });
    return () => this.subscriptions.delete(group);
  }

  /** Called once every service has started and subscribed. */
  open(): void {
    this.opened();
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    await this.openedSignal;
    await Promise.all([...this.subscriptions.values()].map((subscription) => this.enqueue(subscription, messages)));
  }

  private enqueue(subscription: Subscription, messages: readonly OutgoingMessage[]): Promise<void> {
    const wanted = messages.filter((message) => subscription.topics.has(message.topic));
    if (wanted.length === 0) return Promise.resolve();
    const run = subscription.tail.then(() => subscription.deliver(wanted));
    // A failed delivery fails this publish (the relay retries it) but must not jam the queue.
    subscription.tail = run.catch(() => undefined);
    return run;
  }
}

const BUS = Symbol.for('ains.messaging.in-process-event-bus');

/**
 * The process-wide bus. Every service bundle carries its own copy of this library, so the one
 * instance lives on globalThis under a registered symbol.
 */
export function inProcessEventBus(): InProcessEventBus {
  const holder = globalThis as typeof globalThis & { [BUS]?: InProcessEventBus };
  holder[BUS] ??= new InProcessEventBus();
  return holder[BUS];
}

/** Splits a delivery into runs of one topic each, keeping the order: a batch is one topic's, as on Kafka. */
export function topicRuns(messages: readonly OutgoingMessage[]): OutgoingMessage[][] {
  const runs: OutgoingMessage[][] = [];
  for (const message of messages) {
    const last = runs[runs.length - 1];
    if (last && last[0].topic === message.topic) last.push(message);
    else runs.push([message]);
  }
  return runs;
}
