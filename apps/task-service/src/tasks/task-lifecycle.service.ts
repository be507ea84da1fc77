import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoutingCandidate } from '@ains/contracts';
import { OutboxWriter } from '@ains/messaging';
import { APP_CONFIG } from '@ains/platform';
import { ChainProgression } from '../chains/chain-progression.service';
import { ASSIGNED_CHANNEL } from '../work/assignment-signals';
import { mayRetry, retryDelayMs } from './retry-policy';
import { TaskEventsOf } from './task-events';
import { TaskQueue } from './task-queue.service';
import type { TaskSettings } from './task-settings';
import { ACTIVE_STATUSES, isTerminal, transition } from './task-state-machine';
import type { AttemptSignature } from '../signatures/report-signatures';
import type { TaskRow } from './task.row';
import { TasksRepository, type Decision } from './tasks.repository';

export interface AssignmentDecision extends Decision {
  strategy: string;
  candidateCount: number;
  candidates?: RoutingCandidate[];
  traceparent?: string;
}

/**
 * Every transition after creation. Each method gets the task locked in the caller's transaction,
 * asks the state machine, writes the change and its events, then lets dependents and the chain react.
 */
@Injectable()
export class TaskLifecycle {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly queue: TaskQueue,
    private readonly chains: ChainProgression,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
  ) {}

  /**
   * routing-service's decisions, each applied only to the attempt it was made for, with four
   * statements however many there are; returns the tasks assigned. `traceparent`: the trace the
   * decision's event carried, continued by the assigned event.
   */
  async assignAll(manager: EntityManager, decisions: readonly AssignmentDecision[]): Promise<TaskRow[]> {
    // One decision per task: routing decides each attempt once, so a repeat is a redelivery.
    const byTask = new Map<string, AssignmentDecision>();
    for (const decision of decisions) if (!byTask.has(decision.taskId)) byTask.set(decision.taskId, decision);
    const assigned = await this.tasks.assignAllIfQueued(manager, [...byTask.values()], this.leaseFromNow());
    if (assigned.length === 0) return assigned;
    const decisionOf = (task: TaskRow) => byTask.get(task.id) as AssignmentDecision;
    await this.tasks.insertAttempts(
      manager,
      assigned.map((task) => {
        const decision = decisionOf(task);
        return {
          task_id: task.id,
          attempt: task.attempt,
          agent_id: decision.agentId,
          assigned_at: task.assigned_at ?? new Date(),
          routing_strategy: decision.strategy,
          routing_candidates: decision.candidateCount,
          routing_ranking: decision.candidates ?? null,
        };
      }),
    );
    await this.outbox.append(manager, ...assigned.map((task) => ({ ...TaskEventsOf.assigned(task, decisionOf(task).agentId), traceparent: decisionOf(task).traceparent })));
    const agents = [...new Set(assigned.map((task) => decisionOf(task).agentId))];
    await manager.query('SELECT pg_notify($1, agent) FROM unnest($2::text[]) AS agent', [ASSIGNED_CHANNEL, agents]);
    return assigned;
  }

  /**
   * Claims up to `limit` of the agent's assigned tasks and starts them, with three statements
   * however many there are: the agent never holds a claimed task that is not running.
   */
  async claimAndStart(manager: EntityManager, agentId: string, limit: number): Promise<TaskRow[]> {
    const at = new Date();
    const started = await this.tasks.claimAndStartAssigned(manager, agentId, limit, { status: transition('assigned', 'start'), at, leaseExpiresAt: this.leaseFromNow() });
    if (started.length === 0) return started;
    await this.tasks.markAttemptsStarted(manager, started, at);
    await this.outbox.append(manager, ...started.map((task) => TaskEventsOf.started(task, agentId)));
    return started;
  }

  async start(manager: EntityManager, task: TaskRow): Promise<TaskRow> {
    const now = new Date();
    const started = await this.tasks.update(manager, task.id, {
      status: transition(task.status, 'start'),
      started_at: now,
      lease_expires_at: this.leaseFromNow(),
      deadline_at: new Date(now.getTime() + task.timeout_seconds * 1_000),
    });
    await this.tasks.markAttemptStarted(manager, task.id, task.attempt, now);
    await this.outbox.append(manager, TaskEventsOf.started(started, task.assigned_agent_id as string));
    return started;
  }

  /** Progress renews the lease; it is not a transition. */
  progress(manager: EntityManager, task: TaskRow, progress: Record<string, unknown>): Promise<TaskRow> {
    return this.tasks.update(manager, task.id, { progress, lease_expires_at: this.leaseFromNow() });
  }

  /** `signed`: the verified signature of the report, kept with the attempt it ends. */
  async complete(manager: EntityManager, task: TaskRow, result: Record<string, unknown>, signed: AttemptSignature | null = null): Promise<TaskRow> {
    const now = new Date();
    const completed = await this.tasks.update(manager, task.id, { status: transition(task.status, 'complete'), result, finished_at: now, lease_expires_at: null, deadline_at: null, error: null });
    await this.tasks.endAttempt(manager, task.id, task.attempt, 'completed', null, now);
    if (signed) await this.tasks.signAttempt(manager, task.id, task.attempt, signed);
    await this.outbox.append(manager, TaskEventsOf.completed(completed, task.assigned_agent_id as string));
    await this.releaseDependents(manager, completed);
    await this.chains.onStepFinished(manager, completed);
    return completed;
  }

  /**
   * Completes running tasks that have nothing to release (no task waits on them, no chain), with
   * three statements however many there are. The caller checked both; each still passes the state machine.
   */
  async completeAll(manager: EntityManager, completions: readonly { task: TaskRow; result: Record<string, unknown> }[]): Promise<TaskRow[]> {
    for (const { task } of completions) {
      transition(task.status, 'complete');
      if (task.chain_id) throw new Error(`task ${task.id} is a chain step: complete it on its own`);
    }
    const at = new Date();
    const completed = await this.tasks.completeAll(manager, completions.map(({ task, result }) => ({ id: task.id, result })), at);
    await this.tasks.endAttempts(manager, completed, 'completed', at);
    await this.outbox.append(manager, ...completed.map((task) => TaskEventsOf.completed(task, task.assigned_agent_id as string)));
    return completed;
  }

  /** The agent failed the attempt: retried after backoff if allowed, otherwise it ends here. */
  async fail(manager: EntityManager, task: TaskRow, error: string, retryable: boolean, signed: AttemptSignature | null = null): Promise<TaskRow> {
    const now = new Date();
    const agentId = task.assigned_agent_id;
    const failures = task.failures + 1;
    const retry = retryable && mayRetry(task.retry_policy, failures);
    const failed = await this.tasks.update(manager, task.id, {
      status: transition(task.status, 'fail'),
      failures,
      error,
      excluded_agent_ids: exclude(task, agentId),
      retry_at: retry ? new Date(now.getTime() + retryDelayMs(task.retry_policy, failures)) : null,
      finished_at: retry ? null : now,
      lease_expires_at: null,
      deadline_at: null,
    });
    await this.tasks.endAttempt(manager, task.id, task.attempt, 'failed', error, now);
    if (signed) await this.tasks.signAttempt(manager, task.id, task.attempt, signed);
    await this.outbox.append(manager, TaskEventsOf.failed(failed, agentId, error, retryable));
    if (retry) return failed;
    const final = retryable ? await this.deadLetter(manager, failed, agentId) : failed;
    await this.afterUnsuccessfulEnd(manager, final);
    return final;
  }

  async timeOut(manager: EntityManager, task: TaskRow, reason: 'lease_expired' | 'execution_timeout'): Promise<TaskRow> {
    const now = new Date();
    const agentId = task.assigned_agent_id;
    const failures = task.failures + 1;
    const retry = mayRetry(task.retry_policy, failures);
    const error = reason === 'lease_expired' ? `agent ${agentId} let its lease expire` : `no result within ${task.timeout_seconds} s`;
    const timedOut = await this.tasks.update(manager, task.id, {
      status: transition(task.status, 'time_out'),
      status_reason: reason,
      failures,
      error,
      excluded_agent_ids: exclude(task, agentId),
      retry_at: retry ? new Date(now.getTime() + retryDelayMs(task.retry_policy, failures)) : null,
      lease_expires_at: null,
      deadline_at: null,
    });
    await this.tasks.endAttempt(manager, task.id, task.attempt, 'timed_out', error, now);
    await this.outbox.append(manager, TaskEventsOf.timedOut(timedOut, agentId, reason));
    if (retry) return timedOut;
    const final = await this.deadLetter(manager, timedOut, agentId);
    await this.afterUnsuccessfulEnd(manager, final);
    return final;
  }

  /** The backoff of a failed or timed-out attempt is over. */
  retryDue(manager: EntityManager, task: TaskRow): Promise<TaskRow> {
    return this.queue.queue(manager, task, 'requeue', { error: task.error });
  }

  /** The agent went away: its attempt ends without counting as a failure, other agents get the task. */
  async requeueFromAgent(manager: EntityManager, task: TaskRow, reason: string): Promise<TaskRow> {
    const agentId = task.assigned_agent_id;
    await this.tasks.endAttempt(manager, task.id, task.attempt, 'requeued', reason, new Date());
    return this.queue.queue(manager, task, 'requeue', { status_reason: reason, excluded_agent_ids: exclude(task, agentId) });
  }

  /** The client runs a failed, timed-out or dead-lettered task again, with a fresh retry budget. */
  retryByClient(manager: EntityManager, task: TaskRow): Promise<TaskRow> {
    return this.queue.queue(manager, task, 'retry', { failures: 0, finished_at: null, status_reason: 'retried by client' });
  }

  async cancel(manager: EntityManager, task: TaskRow, reason: string): Promise<TaskRow> {
    const now = new Date();
    const agentId = ACTIVE_STATUSES.includes(task.status) ? task.assigned_agent_id : null;
    const cancelled = await this.tasks.update(manager, task.id, {
      status: transition(task.status, 'cancel'),
      status_reason: reason,
      finished_at: now,
      lease_expires_at: null,
      deadline_at: null,
      retry_at: null,
    });
    if (agentId) await this.tasks.endAttempt(manager, task.id, task.attempt, 'cancelled', reason, now);
    await this.outbox.append(manager, TaskEventsOf.cancelled(cancelled, agentId, reason));
    await this.afterUnsuccessfulEnd(manager, cancelled);
    return cancelled;
  }

  private async deadLetter(manager: EntityManager, task: TaskRow, agentId: string | null): Promise<TaskRow> {
    const dead = await this.tasks.update(manager, task.id, { status: transition(task.status, 'dead_letter'), finished_at: new Date(), retry_at: null });
    await this.outbox.append(manager, TaskEventsOf.deadLettered(dead, agentId));
    return dead;
  }

  /** Tasks waiting on a completed task are queued once all their dependencies completed. */
  private async releaseDependents(manager: EntityManager, task: TaskRow): Promise<void> {
    for (const dependent of await this.tasks.lockDependents(manager, task.id)) {
      if (dependent.status !== 'blocked') continue;
      if ((await this.tasks.countIncompleteDependencies(manager, dependent.depends_on)) === 0) await this.queue.queue(manager, dependent, 'queue');
    }
  }

  /**
   * Policy: a task that will not complete cancels every task waiting on it (transitively, each
   * with the reason), and its chain reacts according to the chain's failure policy.
   */
  private async afterUnsuccessfulEnd(manager: EntityManager, task: TaskRow): Promise<void> {
    if (!isTerminal(task.status, task.retry_at)) return;
    for (const dependent of await this.tasks.lockDependents(manager, task.id)) {
      await this.cancel(manager, dependent, `dependency ${task.id} ended ${task.status}`);
    }
    await this.chains.onStepFinished(manager, task);
  }

  private leaseFromNow(): Date {
    return new Date(Date.now() + this.settings.TASK_LEASE_MS);
  }
}

function exclude(task: TaskRow, agentId: string | null): string[] {
  return agentId && !task.excluded_agent_ids.includes(agentId) ? [...task.excluded_agent_ids, agentId] : task.excluded_agent_ids;
}
