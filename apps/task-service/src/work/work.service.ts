import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller, ClaimBody, TaskView } from '@ains/contracts';
import { TransactionRunner } from '@ains/messaging';
import { APP_CONFIG, ProblemException } from '@ains/platform';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import type { TaskSettings } from '../tasks/task-settings';
import { ACTIVE_STATUSES } from '../tasks/task-state-machine';
import { toTaskView, type TaskRow } from '../tasks/task.row';
import { TasksRepository } from '../tasks/tasks.repository';
import { asConflict } from '../tasks/tasks.service';
import { AssignmentSignals } from './assignment-signals';

export type Report = 'start' | 'progress' | 'complete' | 'fail';

type Outcome = { applied: TaskRow } | { late: string };

/**
 * The agent work protocol. Only the agent holding the task may report on it; an agent that held
 * it before (timed out, requeued, cancelled) gets a 409 and its report is recorded, never applied.
 */
@Injectable()
export class WorkService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly transactions: TransactionRunner,
    private readonly signals: AssignmentSignals,
    private readonly lifecycle: TaskLifecycle,
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
  ) {}

  /**
   * Long-poll: returns as soon as tasks are assigned to the agent, or empty after the wait. With
   * `start`, the claimed tasks are started in the claim's transaction: the agent never holds a
   * claimed task that is not running.
   */
  async claim(caller: Caller, agentId: string, request: ClaimBody): Promise<TaskView[]> {
    if (caller.agentId !== agentId) throw forbidden('This key does not act as that agent.');
    const deadline = Date.now() + Math.min(request.wait_ms, this.settings.TASK_CLAIM_MAX_WAIT_MS);
    for (;;) {
      const claimed = await this.transactions.run((manager) => this.claimIn(manager, agentId, request.max_tasks, request.start));
      const remaining = deadline - Date.now();
      if (claimed.length > 0 || remaining <= 0) return claimed.map(toTaskView);
      const signalled = await this.signals.waitForAgent(agentId, Math.min(remaining, this.settings.TASK_CLAIM_POLL_MS));
      // The assignments of one dispatch round commit within moments of each other: one answer carries them all.
      if (signalled) await delay(Math.min(this.settings.TASK_CLAIM_COALESCE_MS, Math.max(0, deadline - Date.now())));
    }
  }

  /**
   * For the assignment stream: claims and starts, as a claim with `start` does, as many of the
   * agent's assigned tasks as it has free slots, counting the tasks it is running against `slots`.
   */
  claimForFreeSlots(agentId: string, slots: number): Promise<TaskRow[]> {
    return this.transactions.run(async (manager) => {
      const free = slots - (await this.tasks.countRunning(manager, agentId));
      return free > 0 ? this.claimIn(manager, agentId, free, true) : [];
    });
  }

  /**
   * The agent's stream closed before it could be told of these started tasks: each one it still
   * runs goes back to routing at once (its attempt ends `requeued`, not failed), instead of
   * waiting for its lease to expire.
   */
  async releaseUndelivered(agentId: string, started: readonly TaskRow[]): Promise<void> {
    await this.transactions.run(async (manager) => {
      for (const { id, attempt } of [...started].sort((a, b) => a.id.localeCompare(b.id))) {
        const task = await this.tasks.lock(manager, id);
        if (task?.status === 'running' && task.assigned_agent_id === agentId && task.attempt === attempt) {
          await this.lifecycle.requeueFromAgent(manager, task, 'the assignment stream closed before the task was delivered');
        }
      }
    });
  }

  private async claimIn(manager: EntityManager, agentId: string, maxTasks: number, start: boolean): Promise<TaskRow[]> {
    return start ? this.lifecycle.claimAndStart(manager, agentId, maxTasks) : this.tasks.claimAssigned(manager, agentId, maxTasks);
  }

  async report(caller: Caller, taskId: string, report: Report, apply: (manager: EntityManager, task: TaskRow) => Promise<TaskRow>): Promise<TaskView> {
    const agentId = caller.agentId;
    if (!agentId) throw forbidden('Only agent keys (agent:work) report on tasks.');
    const outcome = await this.transactions
      .run(async (manager): Promise<Outcome> => {
        const task = await this.tasks.lock(manager, taskId);
        if (!task) throw ProblemException.notFound(`Task ${taskId}`);
        if (task.assigned_agent_id === agentId && ACTIVE_STATUSES.includes(task.status)) return { applied: await apply(manager, task) };
        if (await this.tasks.agentHadAttempt(manager, taskId, agentId)) return { late: lateReason(task, agentId) };
        if (task.client_id === caller.clientId) throw forbidden('The task is not assigned to this agent.');
        throw ProblemException.notFound(`Task ${taskId}`);
      })
      .catch(asConflict);
    if ('applied' in outcome) {
      if (report === 'complete' || report === 'fail') await this.signals.slotsFreed(agentId);
      return toTaskView(outcome.applied);
    }
    await this.tasks.recordRejectedReport(taskId, agentId, report, outcome.late);
    throw new ProblemException({ status: 409, type: 'stale-report', title: 'Report not applied', detail: `${outcome.late}; the ${report} report was recorded and not applied.` });
  }
}

export function lateReason(task: TaskRow, agentId: string): string {
  if (task.assigned_agent_id && task.assigned_agent_id !== agentId && ACTIVE_STATUSES.includes(task.status)) return 'The task was reassigned to another agent';
  return `This agent no longer holds the task (it is ${task.status}${task.status_reason ? `: ${task.status_reason}` : ''})`;
}

export function forbidden(detail: string): ProblemException {
  return new ProblemException({ status: 403, type: 'forbidden', title: 'Forbidden', detail });
}
