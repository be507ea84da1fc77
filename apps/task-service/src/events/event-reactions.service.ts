import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreateTaskBody, InstantiateTemplateBody, type EventData } from '@ains/contracts';
import { zodFieldErrors } from '@ains/platform';
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
  ) {}

  /** Compare-and-set inside: a decision for another attempt, or a duplicate, changes nothing. */
  async onRoutingDecided(manager: EntityManager, decision: EventData<'ains.routing.decided.v1'>): Promise<void> {
    await this.lifecycle.assign(manager, decision);
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
   * for the same fire time, create nothing. An invalid definition throws, so the event is
   * dead-lettered with the reason rather than silently dropped.
   */
  async onScheduleFired(manager: EntityManager, fired: EventData<'ains.schedule.fired.v1'>): Promise<void> {
    const schedule = { id: fired.scheduleId, fireTime: fired.fireTime };
    if (fired.templateId) {
      const overrides = InstantiateTemplateBody.safeParse(fired.overrides ?? {});
      if (!overrides.success) throw new Error(`schedule ${fired.scheduleId}: invalid template overrides: ${JSON.stringify(zodFieldErrors(overrides.error))}`);
      await this.templates.instantiate(manager, fired.clientId, fired.templateId, overrides.data, { schedule });
      return;
    }
    const body = CreateTaskBody.safeParse(fired.task ?? undefined);
    if (!body.success) throw new Error(`schedule ${fired.scheduleId}: invalid task definition: ${JSON.stringify(zodFieldErrors(body.error))}`);
    await this.tasksService.create(manager, fired.clientId, body.data, { schedule });
  }
}
