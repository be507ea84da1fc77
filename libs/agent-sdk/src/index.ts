export { AinsAgent } from './ains-agent';
export type { AinsAgentOptions } from './agent-options';
export { ConcurrencySlots } from './concurrency-slots';
export { NonRetryableError, TaskLostError, isRetryable } from './errors';
export type { HandlerOptions, JsonObject, TaskContext, TaskHandler } from './handlers';
export { consoleLogger, silentLogger, type AgentLogger, type LogLevel } from './logger';
export type { AgentStats } from './task-runner';
