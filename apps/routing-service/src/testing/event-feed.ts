import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import type { KafkaMessage } from 'kafkajs';
import { EventCatalog, Topics, type EventData, type EventType } from '@ains/contracts';
import { toKafkaHeaders } from '@ains/messaging';
import { TaskEventsConsumer } from '../dispatch/task-events.consumer';
import { FleetEventsConsumer } from '../read-model/fleet-events.consumer';

/**
 * Test support: hands events to the service's own Kafka consumers as the broker would (same
 * decoding, inbox and handlers), without a broker in between. Tests that must not see events
 * other suites publish on the shared broker use it; the Kafka wiring has a test of its own.
 */
export class EventFeed {
  private offset = 0;

  constructor(private readonly app: INestApplicationContext) {}

  async deliver<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<void> {
    const topic = EventCatalog[type].topic;
    const headers = toKafkaHeaders({ specversion: '1.0', id: randomUUID(), source: '/test/simulator', type, time: new Date().toISOString(), subject, datacontenttype: 'application/json' });
    const message = { key: Buffer.from(subject), value: Buffer.from(JSON.stringify(data)), headers, offset: String(this.offset++), timestamp: String(Date.now()), attributes: 0, size: 0 } as unknown as KafkaMessage;
    const context = new KafkaContext([message, 0, topic, undefined as never, async () => undefined, undefined as never]);
    if (topic === Topics.task) await this.app.get(TaskEventsConsumer).onTaskEvent(context);
    else if (topic === Topics.agent) await this.app.get(FleetEventsConsumer).onAgentEvent(context);
    else if (topic === Topics.trust) await this.app.get(FleetEventsConsumer).onTrustEvent(context);
    else throw new Error(`routing-service does not consume ${topic}`);
  }
}

export interface SimulatedTask {
  taskId: string;
  clientId?: string;
  taskType?: string;
  priority?: number;
  requiredTags?: string[];
  capabilities?: { name: string; range: string }[];
  minTrust?: number | null;
  strategy?: string | null;
  excludedAgentIds?: string[];
  attempt?: number;
  queuedAt?: Date;
}

export function queuedTask(task: SimulatedTask): EventData<'ains.task.queued.v1'> {
  const priority = task.priority ?? 5;
  return {
    taskId: task.taskId,
    clientId: task.clientId ?? 'client-sim',
    taskType: task.taskType ?? 'simulate',
    priority,
    effectivePriority: priority,
    routing: { requiredTags: task.requiredTags ?? [], capabilities: task.capabilities ?? [], minTrust: task.minTrust ?? null, strategy: task.strategy ?? null },
    excludedAgentIds: task.excludedAgentIds ?? [],
    attempt: task.attempt ?? 1,
    queuedAt: (task.queuedAt ?? new Date()).toISOString(),
  };
}

export function registeredAgent(agentId: string, profile: { tags?: string[]; maxConcurrency?: number; capabilities?: { name: string; version: string }[] } = {}): EventData<'ains.agent.registered.v1'> {
  return {
    agentId,
    displayName: `sim-${agentId.slice(0, 8)}`,
    tags: profile.tags ?? [],
    capabilities: profile.capabilities ?? [],
    maxConcurrency: profile.maxConcurrency ?? 1,
    status: 'online',
    registeredAt: new Date().toISOString(),
  };
}

export function completedTask(taskId: string, agentId: string, attempt = 1, durationMs = 50): EventData<'ains.task.completed.v1'> {
  return { taskId, clientId: 'client-sim', taskType: 'simulate', agentId, attempt, durationMs, completedAt: new Date().toISOString() };
}
