import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Caller, MalformedReport, ReportResultView, TaskReport } from '@ains/contracts';
import { TransactionRunner } from '@ains/messaging';
import { ProblemException, toProblem, zodFieldErrors } from '@ains/platform';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import { ACTIVE_STATUSES, InvalidTransitionError } from '../tasks/task-state-machine';
import { toTaskView, type TaskRow } from '../tasks/task.row';
import { TasksRepository } from '../tasks/tasks.repository';
import { ReportSignatures } from '../signatures/report-signatures';
import { AssignmentSignals } from './assignment-signals';
import { applicationOrder, isUnstorableContent, wasAlreadyApplied } from './report-rules';
import { forbidden, lateReason } from './work.service';
import { WorkRepository } from './work.repository';

type Answer = { outcome: 'applied' | 'already_applied'; task: TaskRow } | { outcome: 'refused'; error: unknown };
interface Rejection {
  taskId: string;
  report: TaskReport['type'];
  reason: string;
}

/** A refusal of one report inside a batch; recorded as rejected when it was a stale report. */
class StaleReport extends ProblemException {
  constructor(readonly reason: string, report: string) {
    super({ status: 409, type: 'stale-report', title: 'Report not applied', detail: `${reason}; the ${report} report was recorded and not applied.` });
  }
}

/**
 * Many reports of one agent in one request. Each report runs in a savepoint of one transaction:
 * a refused report rolls back alone, the applied ones commit together. Reports are applied in task
 * id order (see `applicationOrder`) and answered in request order.
 */
@Injectable()
export class ReportBatchService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly work: WorkRepository,
    private readonly lifecycle: TaskLifecycle,
    private readonly transactions: TransactionRunner,
    private readonly signatures: ReportSignatures,
    private readonly signals: AssignmentSignals,
  ) {}

  async report(caller: Caller, agentId: string, reports: readonly (TaskReport | MalformedReport)[]): Promise<ReportResultView[]> {
    if (caller.agentId !== agentId) throw forbidden('This key does not act as that agent.');
    const valid = reports.flatMap((report, index) => ('malformed' in report ? [] : [{ index, report }]));
    const answers = await this.transactions.run(async (manager) => {
      // Every task of the batch is locked up front, in id order: concurrent batches cannot deadlock.
      const locked = new Map((await this.tasks.lockMany(manager, valid.map(({ report }) => report.task_id))).map((task) => [task.id, task]));
      const applied = await this.completeTogether(manager, agentId, valid, locked);
      for (const { index, report } of applicationOrder(valid)) {
        if (!applied.has(index)) applied.set(index, await this.applyInSavepoint(manager, caller, agentId, report));
      }
      return applied;
    });
    const rejections: Rejection[] = [];
    const results = reports.map((report, index): ReportResultView => {
      if ('malformed' in report) return malformedResult(index, report);
      const answer = answers.get(index) as Answer;
      if (answer.outcome !== 'refused') return { index, task_id: report.task_id, status: 200, outcome: answer.outcome, task: toTaskView(answer.task) };
      if (answer.error instanceof StaleReport) rejections.push({ taskId: report.task_id, report: report.type, reason: answer.error.reason });
      const { document } = toProblem(answer.error, `/v1/tasks/${report.task_id}`);
      return { index, task_id: report.task_id, status: document.status, outcome: 'refused', problem: document };
    });
    for (const rejection of rejections) await this.tasks.recordRejectedReport(rejection.taskId, agentId, rejection.report, rejection.reason);
    if (valid.some(({ index, report }) => report.type !== 'start' && report.type !== 'progress' && answers.get(index)?.outcome === 'applied')) await this.signals.slotsFreed(agentId);
    return results;
  }

  /**
   * The common case applied as one set, with a handful of statements for any number of reports:
   * complete reports, one per task, of running tasks the agent holds, where there is nothing to
   * verify or to release (the agent has no key, no task waits on them, no chain). Everything else,
   * or a set PostgreSQL refuses (text it cannot store), is left to the report-by-report path.
   */
  private async completeTogether(manager: EntityManager, agentId: string, reports: readonly { index: number; report: TaskReport }[], locked: ReadonlyMap<string, TaskRow>): Promise<Map<number, Answer>> {
    const applied = new Map<number, Answer>();
    const perTask = new Map<string, number>();
    for (const { report } of reports) perTask.set(report.task_id, (perTask.get(report.task_id) ?? 0) + 1);
    const completions = reports.flatMap(({ index, report }) => {
      const task = locked.get(report.task_id);
      const eligible = report.type === 'complete' && report.signature === undefined && perTask.get(report.task_id) === 1 && task?.assigned_agent_id === agentId && task.status === 'running' && !task.chain_id;
      return eligible ? [{ index, task, result: report.result }] : [];
    });
    if (completions.length === 0 || (await this.signatures.requiredOf(manager, agentId))) return applied;
    const waitedOn = await this.tasks.withWaitingDependents(manager, completions.map(({ task }) => task.id));
    const set = completions.filter(({ task }) => !waitedOn.has(task.id));
    if (set.length === 0) return applied;
    await manager.query('SAVEPOINT completions');
    try {
      const completed = new Map((await this.lifecycle.completeAll(manager, set)).map((task) => [task.id, task]));
      await manager.query('RELEASE SAVEPOINT completions');
      for (const { index, task } of set) applied.set(index, { outcome: 'applied', task: completed.get(task.id) as TaskRow });
    } catch (error) {
      if (!isUnstorableContent(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT completions');
    }
    return applied;
  }

  private async applyInSavepoint(manager: EntityManager, caller: Caller, agentId: string, report: TaskReport): Promise<Answer> {
    await manager.query('SAVEPOINT report');
    try {
      const answer = await this.apply(manager, caller, agentId, report);
      await manager.query('RELEASE SAVEPOINT report');
      return answer;
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT report');
      return { outcome: 'refused', error: refusal };
    }
  }

  private async apply(manager: EntityManager, caller: Caller, agentId: string, report: TaskReport): Promise<Answer> {
    const task = await this.tasks.lock(manager, report.task_id);
    if (!task) throw ProblemException.notFound(`Task ${report.task_id}`);
    const holds = task.assigned_agent_id === agentId && ACTIVE_STATUSES.includes(task.status);
    const latest = holds && report.type !== 'start' ? undefined : await this.work.latestAttemptOf(manager, task.id, agentId);
    if (wasAlreadyApplied(report.type, task, agentId, latest)) return { outcome: 'already_applied', task };
    if (holds) return { outcome: 'applied', task: await this.applyTo(manager, task, agentId, report) };
    if (latest) throw new StaleReport(lateReason(task, agentId), report.type);
    if (task.client_id === caller.clientId) throw forbidden('The task is not assigned to this agent.');
    throw ProblemException.notFound(`Task ${report.task_id}`);
  }

  /** A complete or fail report is applied only once its signature is checked (see ReportSignatures). */
  private async applyTo(manager: EntityManager, task: TaskRow, agentId: string, report: TaskReport): Promise<TaskRow> {
    switch (report.type) {
      case 'start':
        return this.lifecycle.start(manager, task);
      case 'progress':
        return this.lifecycle.progress(manager, task, report.progress);
      case 'complete':
        return this.lifecycle.complete(manager, task, report.result, await this.signatures.check(manager, task, agentId, report));
      case 'fail':
        return this.lifecycle.fail(manager, task, report.error, report.retryable, await this.signatures.check(manager, task, agentId, report));
    }
  }
}

/** The answer a failed report gets, or undefined for a failure of the whole batch (the database is gone, say). */
function asRefusal(error: unknown): ProblemException | undefined {
  if (error instanceof ProblemException) return error;
  if (error instanceof InvalidTransitionError) return ProblemException.conflict(error.message);
  if (isUnstorableContent(error)) return ProblemException.badRequest('The report contains text PostgreSQL cannot store (such as \\u0000 or an unpaired surrogate).');
  return undefined;
}

function malformedResult(index: number, report: MalformedReport): ReportResultView {
  const input = report.input as { task_id?: unknown } | null;
  const taskId = typeof input === 'object' && input !== null && typeof input.task_id === 'string' ? input.task_id : null;
  const errors = zodFieldErrors(new z.ZodError(report.error.issues));
  const { document } = toProblem(ProblemException.badRequest(`The report has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors), `#/reports/${index}`);
  return { index, task_id: taskId, status: 400, outcome: 'refused', problem: document };
}
