import type { Task } from '@ains/sdk';
import type { AgentLogger } from './logger';

export type JsonObject = Record<string, unknown>;

/** What a handler gets besides its input. */
export interface TaskContext {
  /** The task as claimed: id, attempt, priority, labels, metadata, timeout… */
  readonly task: Task;
  /**
   * Aborted when the task is no longer this agent's (lease lost, cancelled, timed out, given to
   * another agent; the reason is a `TaskLostError`) or its execution timeout has passed. Long
   * handlers should watch it and give up.
   */
  readonly signal: AbortSignal;
  /**
   * Reports progress (stored on the task) and renews the lease. The agent renews the lease on its
   * own while the handler runs, resending the last progress; call this to report new progress.
   * Throws `TaskLostError` when the task is no longer this agent's.
   */
  progress(progress?: JsonObject): Promise<void>;
  readonly logger: AgentLogger;
}

/**
 * Runs one task of a type: resolves with the result (a JSON object, an interface type is fine;
 * nothing means `{}`), or throws
 * to fail the attempt (retried unless the error is a `NonRetryableError` or has `retryable: false`).
 */
export type TaskHandler<TInput = JsonObject, TOutput extends object | void = JsonObject | void> = (input: TInput, context: TaskContext) => Promise<TOutput> | TOutput;

export interface HandlerOptions<TInput> {
  /**
   * Checks and converts the task's input before the handler sees it (a zod schema's `parse`, say);
   * when it throws, the task fails without retry, since another attempt would get the same input.
   */
  parseInput?: (input: JsonObject) => TInput;
}

export interface RegisteredHandler {
  handler: TaskHandler<unknown>;
  parseInput?: (input: JsonObject) => unknown;
}
