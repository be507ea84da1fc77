/**
 * Kafka topics, one per aggregate. The message key is the aggregate id, so all events of one
 * entity land on one partition and keep their order. The `.v1` suffix versions the topic layout
 * itself; event payloads are versioned separately through their type names.
 */
export const Topics = {
  task: 'ains.task.v1',
  chain: 'ains.chain.v1',
  agent: 'ains.agent.v1',
  trust: 'ains.trust.v1',
  routing: 'ains.routing.v1',
  schedule: 'ains.schedule.v1',
  webhook: 'ains.webhook.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Messages that a consumer could not process after its retries end up here, with error headers. */
export const DEAD_LETTER_TOPIC = 'ains.dead-letter.v1';

export const ALL_TOPICS: readonly string[] = [...Object.values(Topics), DEAD_LETTER_TOPIC];
