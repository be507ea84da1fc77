import type { Task } from '@ains/sdk';
import { failureMessage, isRetryable, NonRetryableError } from './errors';
import type { JsonObject, RegisteredHandler } from './handlers';
import type { AgentLogger } from './logger';
import type { ReportAnswer, ReportBatcher } from './report-batcher';
import type { FinalReport, ReportSigner } from './report-signer';
import { LOST_STATUSES, TaskExecution } from './task-execution';
import { leaseRenewalIntervalMs } from './timing';

/** What the agent has done since it started. */
export interface AgentStats {
  /** Tasks claimed by long-poll. */
  claimed: number;
  /** Tasks pushed on the assignment stream (claimed and started by the service). */
  pushed: number;
  /** Claim requests sent (long-polls). */
  claimRequests: number;
  /** Assignment streams opened. */
  streamsOpened: number;
  /** Tasks completed with the handler's result. */
  completed: number;
  /** Tasks reported failed (handler errors, unknown task types, invalid input, refused results). */
  failed: number;
  /** Tasks that were no longer this agent's by the time it started or reported them. */
  lost: number;
  /** Outcomes never acknowledged: the agent stopped after its drain deadline while they waited. */
  givenUp: number;
}

type Outcome = { result: unknown } | { error: unknown };

/**
 * Runs one claimed task through the work protocol: start it (claims normally start their tasks
 * already), run its type's handler while the lease is renewed, then report the result or the
 * failure and keep it until the platform acknowledges it. A task whose type has no handler fails
 * without retry; a result the platform refuses to store becomes a failure report.
 */
export class TaskRunner {
  private readonly executions = new Set<TaskExecution>();

  constructor(
    private readonly reports: ReportBatcher,
    private readonly handlers: ReadonlyMap<string, RegisteredHandler>,
    private readonly logger: AgentLogger,
    readonly stats: AgentStats,
    private readonly renewalIntervalMs?: number,
    /** Signs complete and fail reports, for an agent with a public key. */
    private readonly signer?: ReportSigner,
  ) {}

  async run(task: Task): Promise<void> {
    const registered = this.handlers.get(task.task_type);
    if (!registered) return this.finish(task, failure(task, new NonRetryableError(`This agent has no handler for task type ${task.task_type}`)));
    const started = task.status === 'assigned' ? await this.start(task) : task;
    if (!started) return;

    const execution = new TaskExecution(this.reports, started, this.renewalIntervalMs ?? leaseRenewalIntervalMs(started), this.logger);
    this.executions.add(execution);
    try {
      let outcome: Outcome;
      try {
        outcome = { result: await registered.handler(parseInput(registered, started.input), execution.context) };
      } catch (error) {
        outcome = { error };
      }
      if (execution.lost) {
        this.stats.lost++;
        this.logger.info('task lost while it ran; its outcome is not reported', { taskId: task.id, reason: execution.lost.message });
        return;
      }
      await this.finish(started, finalReport(started, outcome), execution);
    } finally {
      execution.finish();
      this.executions.delete(execution);
    }
  }

  /** Aborts the handlers still running: the agent stops without waiting for them. */
  abortAll(reason: Error): void {
    for (const execution of this.executions) execution.abort(reason);
  }

  private async start(task: Task): Promise<Task | undefined> {
    const answer = await this.reports.submit({ task_id: task.id, type: 'start' });
    if ((answer.outcome === 'applied' || answer.outcome === 'already_applied') && answer.task) return answer.task;
    this.stats.lost++;
    this.logger.warn('could not start the task; it will be handed out again', { taskId: task.id, answer: describe(answer) });
    return undefined;
  }

  /** Delivers the outcome; the execution keeps renewing the lease until it is acknowledged. */
  private async finish(task: Task, report: FinalReport, execution?: TaskExecution): Promise<void> {
    const answer = await this.reports.submit(this.signer ? this.signer.sign(report, task.attempt) : report);
    execution?.finish();
    this.reports.discardProgress(task.id);
    if (answer.outcome === 'applied' || answer.outcome === 'already_applied') {
      if (report.type === 'complete') this.stats.completed++;
      else this.stats.failed++;
      this.logger.debug(`task ${report.type === 'complete' ? 'completed' : 'failed'}`, { taskId: task.id, taskType: task.task_type, ...(report.type === 'fail' ? { error: report.error } : {}) });
      return;
    }
    if (answer.outcome === 'given_up') {
      this.stats.givenUp++;
      this.logger.error(`gave up the ${report.type} report: ${answer.reason}`, { taskId: task.id, taskType: task.task_type });
      return;
    }
    if (LOST_STATUSES.has(answer.status)) {
      this.stats.lost++;
      this.logger.warn(`the ${report.type} report was not applied: the task is no longer this agent's`, { taskId: task.id, detail: answer.problem?.detail });
      return;
    }
    if (report.type === 'complete') {
      // The platform will never store this result (text PostgreSQL refuses, say): say so instead of letting the task time out.
      const refusal = new NonRetryableError(`The platform refused the result: ${answer.problem?.detail ?? answer.problem?.title ?? `status ${answer.status}`}`);
      this.logger.error('the result was refused; reporting the task failed', { taskId: task.id, detail: refusal.message });
      return this.finish(task, failure(task, refusal), execution);
    }
    this.stats.givenUp++;
    this.logger.error('the fail report was refused; the task will time out', { taskId: task.id, answer: describe(answer) });
  }
}

function finalReport(task: Task, outcome: Outcome): FinalReport {
  if ('error' in outcome) return failure(task, outcome.error);
  if (outcome.result !== undefined && !isJsonObject(outcome.result)) {
    return failure(task, new NonRetryableError(`The handler returned ${Array.isArray(outcome.result) ? 'an array' : typeof outcome.result}, not a JSON object`));
  }
  return { task_id: task.id, type: 'complete', result: (outcome.result as JsonObject | undefined) ?? {} };
}

function failure(task: Task, error: unknown): FinalReport {
  return { task_id: task.id, type: 'fail', error: failureMessage(error), retryable: isRetryable(error) };
}

function describe(answer: ReportAnswer): string {
  if (answer.outcome === 'given_up') return answer.reason;
  return `${answer.status} ${answer.problem?.detail ?? answer.problem?.title ?? answer.outcome}`;
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
