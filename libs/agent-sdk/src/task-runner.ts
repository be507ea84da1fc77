import { AinsApiError, type AinsClient, type Task } from '@ains/sdk';
import { failureMessage, isRetryable, NonRetryableError } from './errors';
import type { JsonObject, RegisteredHandler } from './handlers';
import type { AgentLogger } from './logger';
import { TaskExecution } from './task-execution';
import { leaseRenewalIntervalMs } from './timing';

/** What the agent has done since it started. */
export interface AgentStats {
  /** Tasks claimed. */
  claimed: number;
  /** Tasks completed with the handler's result. */
  completed: number;
  /** Tasks reported failed (handler errors, unknown task types, invalid input). */
  failed: number;
  /** Tasks that were no longer this agent's by the time it started or reported them. */
  lost: number;
}

type Outcome = { result: unknown } | { error: unknown };

/**
 * Runs one claimed task through the work protocol: start it, run its type's handler while the
 * lease is renewed, then report the result or the failure. A task whose type has no handler fails
 * without retry. Reports may be retried (a repeated one is refused with 409, never applied twice).
 */
export class TaskRunner {
  constructor(
    private readonly client: AinsClient,
    private readonly handlers: ReadonlyMap<string, RegisteredHandler>,
    private readonly logger: AgentLogger,
    readonly stats: AgentStats,
    private readonly renewalIntervalMs?: number,
  ) {}

  async run(task: Task): Promise<void> {
    const registered = this.handlers.get(task.task_type);
    if (!registered) return this.fail(task, new NonRetryableError(`This agent has no handler for task type ${task.task_type}`));
    const started = await this.start(task);
    if (!started) return;

    const execution = new TaskExecution(this.client, started, this.renewalIntervalMs ?? leaseRenewalIntervalMs(started), this.logger);
    let outcome: Outcome;
    try {
      outcome = { result: await registered.handler(parseInput(registered, started.input), execution.context) };
    } catch (error) {
      outcome = { error };
    } finally {
      execution.finish();
    }

    if (execution.lost) {
      this.stats.lost++;
      this.logger.info('task lost while it ran; its outcome is not reported', { taskId: task.id, reason: execution.lost.message });
    } else if ('error' in outcome) {
      await this.fail(started, outcome.error);
    } else if (outcome.result !== undefined && !isJsonObject(outcome.result)) {
      await this.fail(started, new NonRetryableError(`The handler returned ${Array.isArray(outcome.result) ? 'an array' : typeof outcome.result}, not a JSON object`));
    } else {
      await this.complete(started, (outcome.result as JsonObject | undefined) ?? {});
    }
  }

  private async start(task: Task): Promise<Task | undefined> {
    try {
      return await this.client.post('/v1/tasks/{id}/start', { params: { path: { id: task.id } }, body: {}, idempotent: true });
    } catch (error) {
      this.stats.lost++;
      this.logger.warn('could not start the task; it will be handed out again', { taskId: task.id, error: String(error) });
      return undefined;
    }
  }

  private async complete(task: Task, result: JsonObject): Promise<void> {
    try {
      await this.client.post('/v1/tasks/{id}/complete', { params: { path: { id: task.id } }, body: { result }, idempotent: true });
      this.stats.completed++;
      this.logger.debug('task completed', { taskId: task.id, taskType: task.task_type });
    } catch (error) {
      this.reportFailed('complete', task, error);
    }
  }

  private async fail(task: Task, failure: unknown): Promise<void> {
    const body = { error: failureMessage(failure), retryable: isRetryable(failure) };
    try {
      await this.client.post('/v1/tasks/{id}/fail', { params: { path: { id: task.id } }, body, idempotent: true });
      this.stats.failed++;
      this.logger.info('task failed', { taskId: task.id, taskType: task.task_type, ...body });
    } catch (error) {
      this.reportFailed('fail', task, error);
    }
  }

  private reportFailed(report: string, task: Task, error: unknown): void {
    if (error instanceof AinsApiError && error.status === 409) {
      this.stats.lost++;
      this.logger.warn(`the ${report} report was not applied: the task is no longer this agent's`, { taskId: task.id, detail: error.detail });
    } else {
      this.logger.error(`the ${report} report failed; the task will time out and be retried`, { taskId: task.id, error: String(error) });
    }
  }
}

function parseInput(registered: RegisteredHandler, input: JsonObject): unknown {
  if (!registered.parseInput) return input;
  try {
    return registered.parseInput(input);
  } catch (error) {
    throw new NonRetryableError(`Invalid input: ${failureMessage(error)}`);
  }
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
