import type { EventData } from '@ains/contracts';

export { EventFeed } from '@ains/messaging';

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
