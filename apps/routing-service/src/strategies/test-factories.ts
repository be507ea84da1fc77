import type { CandidateAgent, RoutableTask } from './routing-strategy';

/** Test data for the pure routing rules: an agent or a task with only what a test is about overridden. */
export function agent(agentId: string, overrides: Partial<CandidateAgent> = {}): CandidateAgent {
  return { agentId, tags: [], capabilities: [], maxConcurrency: 1, activeCount: 0, trustBp: 5_000, lastAssignedSeq: null, avgCompletionMs: null, ...overrides };
}

export function task(overrides: Partial<RoutableTask> = {}): RoutableTask {
  return {
    taskId: '00000000-0000-4000-8000-000000000001',
    clientId: 'client-a',
    taskType: 'summarise',
    attempt: 1,
    effectivePriority: 5,
    requirements: { requiredTags: [], capabilities: [], minTrust: null, strategy: null },
    excludedAgentIds: [],
    queuedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}
