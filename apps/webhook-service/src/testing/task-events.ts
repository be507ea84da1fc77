import { randomUUID } from 'node:crypto';
import { Topics, type EventData } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';

/** A Kafka message carrying `ains.task.completed.v1` for one client, as task-service publishes it. */
export function taskCompletedMessage(clientId: string): { eventId: string; topic: string; message: { key: string; headers: Record<string, string>; value: string } } {
  const taskId = randomUUID();
  const eventId = randomUUID();
  const now = new Date().toISOString();
  const data: EventData<'ains.task.completed.v1'> = { taskId, clientId, taskType: 'summarise', agentId: randomUUID(), attempt: 1, durationMs: 12, completedAt: now };
  const headers = toKafkaHeaders({ specversion: '1.0', id: eventId, source: '/ains/task-service', type: 'ains.task.completed.v1', time: now, subject: taskId, datacontenttype: 'application/json' });
  return { eventId, topic: Topics.task, message: { key: taskId, headers, value: JSON.stringify(data) } };
}
