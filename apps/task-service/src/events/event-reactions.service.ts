import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreateTaskBody, InstantiateTemplateBody, type CloudEvent, type EventData } from '@ains/contracts';
import { OutboxWriter, traceOf } from '@ains/messaging';
import { ProblemException, zodFieldErrors } from '@ains/platform';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import { TasksRepository } from '../tasks/tasks.repository';
import { TasksService } from '../tasks/tasks.service';
import { TemplatesService } from '../templates/templates.service';

/** What task-service does with other services' events; each runs in the inbox transaction. */
@Injectable()
export class EventReactions {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly tasksService: TasksService,
    private readonly templates: TemplatesService,
    private readonly lifecycle: TaskLifecycle,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Compare-and-set inside: a decision for another attempt, or a duplicate, changes nothing. */
  async onRoutingDecided(manager: EntityManager, decisions: readonly CloudEvent<'ains.routing.decided.v1'>[]): Promise<void> {
    await this.lifecycle.assignAll(manager, decisions.map((event) => ({ ...event.data, traceparent: traceOf(event) })));
  }

  /** An agent that goes offline or deregisters gives back the tasks it holds. */
  async onAgentStatusChanged(manager: EntityManager, change: EventData<'ains.agent.status_changed.v1'>): Promise<void> {
    if (change.status !== 'offline' && change.status !== 'deregistered') return;
    for (const task of await this.tasks.lockActiveForAgent(manager, change.agentId)) {
      await this.lifecycle.requeueFromAgent(manager, task, `agent ${change.agentId} went ${change.status}: ${change.reason}`);
    }
  }

  /**
   * One task per (schedule, fire time): the unique key makes a second delivery, or a second event
   * for the same fire time, create nothing. A definition that cannot become a task (its template
   * or a dependency is gone, or it no longer validates) is rejected: nothing of it is kept (a
   * savepoint undoes any partial write) and `ains.task.creation_rejected.v1` tells the scheduler,
   * which fails the run with the reason. Other errors throw, so the event is retried.
   */
  async onScheduleFired(manager: EntityManager, fired: EventData<'ains.schedule.fired.v1'>): Promise<void> {
    try {
      await manager.transaction((savepoint) => this.createScheduledTask(savepoint, fired));
    } catch (error) {
      const reason = rejectionReason(error);
      if (reason === undefined) throw error;
      await this.outbox.append(manager, {
        type: 'ains.task.creation_rejected.v1',
        subject: fired.scheduleId,
        data: { clientId: fired.clientId, scheduleId: fired.scheduleId, runId: fired.runId, fireTime: fired.fireTime, reason, rejectedAt: new Date().toISOString() },
      });
    }
  }

  private async createScheduledTask(manager: EntityManager, fired: EventData<'ains.schedule.fired.v1'>): Promise<void> {
    const schedule = { id: fired.scheduleId, fireTime: fired.fireTime };
    if (fired.templateId) {
      const overrides = InstantiateTemplateBody.safeParse(fired.overrides ?? {});
      if (!overrides.success) throw ProblemException.unprocessable('The template overrides are not valid.', zodFieldErrors(overrides.error));
      await this.templates.instantiate(manager, fired.clientId, fired.templateId, overrides.data, { schedule });
      return;
    }
    const body = CreateTaskBody.safeParse(fired.task ?? undefined);
    if (!body.success) throw ProblemException.unprocessable('The task definition is not valid.', zodFieldErrors(body.error));
    await this.tasksService.create(manager, fired.clientId, body.data, { schedule });
  }
}

/** The reason a request for this task would have been refused (4xx), or undefined for any other error. */
function rejectionReason(error: unknown): string | undefined {
  if (!(error instanceof ProblemException) || error.problem.status >= 500) return undefined;
  const fields = (error.problem.errors ?? []).map((field) => `${field.field}: ${field.message}`);
  return [error.message, ...fields].join('; ').slice(0, 2_000);
}
