import { randomUUID } from 'node:crypto';
import type { EventData, EventType } from '@ains/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { InboxProcessor, toKafkaHeaders, type ConsumedMessage, type ProcessOutcome } from '@ains/messaging';
import type { TaskOutcome } from '../trust/trust-rules';

/** Test support (not part of the service build): events as trust-service receives them from Kafka. */
export interface KafkaEvent {
  id: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

export function kafkaEvent<T extends EventType>(type: T, subject: string, data: EventData<T>, id = randomUUID()): KafkaEvent {
  const headers = toKafkaHeaders({ specversion: '1.0', id, source: '/test', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
  return { id, key: subject, headers, value: JSON.stringify(data) };
}

const OUTCOME_TYPES = { completed: 'ains.task.completed.v1', failed: 'ains.task.failed.v1', timed_out: 'ains.task.timed_out.v1' } as const;

/** A terminal task event for `agentId` (null: the task never reached an agent). */
export function finishedTask(outcome: TaskOutcome, agentId: string | null, taskId = randomUUID()): KafkaEvent {
  const ref = { taskId, clientId: 'client-test', taskType: 'test' };
  const now = new Date().toISOString();
  switch (outcome) {
    case 'completed':
      if (agentId === null) throw new Error('a completed task always names its agent');
      return kafkaEvent(OUTCOME_TYPES.completed, taskId, { ...ref, agentId, attempt: 1, durationMs: 10, completedAt: now });
    case 'failed':
      return kafkaEvent(OUTCOME_TYPES.failed, taskId, { ...ref, agentId, attempt: 1, error: 'boom', retryable: true, willRetry: false, failedAt: now });
    case 'timed_out':
      return kafkaEvent(OUTCOME_TYPES.timed_out, taskId, { ...ref, agentId, attempt: 1, reason: 'lease_expired', willRetry: false, timedOutAt: now });
  }
}

export function agentRegistered(agentId: string, tags: string[] = [], displayName = `agent-${agentId.slice(0, 8)}`): KafkaEvent {
  return kafkaEvent('ains.agent.registered.v1', agentId, { agentId, displayName, tags, capabilities: [], maxConcurrency: 1, status: 'online', registeredAt: new Date().toISOString() });
}

/** The event as a consumer hands it to the inbox, without a broker in between. */
export function consumed(event: KafkaEvent, topic: string, offset = 0): ConsumedMessage {
  return { topic, partition: 0, offset: String(offset), key: event.key, headers: event.headers, value: Buffer.from(event.value) };
}

/** Delivers one event to the app's consumers (one batch) and says what became of it. */
export async function deliver(app: INestApplicationContext, event: KafkaEvent, topic: string, offset = 0): Promise<ProcessOutcome> {
  const outcome = await app.get(InboxProcessor).processBatch([consumed(event, topic, offset)]);
  const [result] = (Object.keys(outcome) as ProcessOutcome[]).filter((key) => outcome[key] > 0);
  return result;
}
