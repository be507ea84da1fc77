import type { TaskStatus } from '@ains/sdk';

export const TASK_STATUSES: TaskStatus[] = ['pending', 'blocked', 'queued', 'assigned', 'running', 'completed', 'failed', 'timed_out', 'cancelled', 'dead_lettered'];
