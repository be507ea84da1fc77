import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewEvent } from '@ains/messaging';
import { OutboxWriter } from '@ains/messaging';
import { ProblemException, type FieldError } from '@ains/platform';
import type { CreateTaskBody } from '@ains/contracts';
import { effectivePriorities, findCycle, type PriorityNode } from './dependency-graph';
import { TaskEventsOf } from './task-events';
import { isTerminal, transition } from './task-state-machine';
import type { TaskRow } from './task.row';
import { TasksRepository, type NewTaskRow } from './tasks.repository';

/** Everything about a task the client chose, with defaults applied. */
export type TaskSpec = Omit<CreateTaskBody, 'depends_on'>;

/** A task about to be created: its spec, resolved dependency ids and where it came from. */
export interface NewTask extends TaskSpec {
  id: string;
  dependsOn: string[];
  /** How the task is named in errors: its batch ref, or its id. */
  label: string;
  /** Prefix of the request field that holds this task (`tasks[3].` in a batch). */
  field: string;
  chain?: { id: string; step: number };
  templateId?: string;
  schedule?: { id: string; fireTime: string };
}

/**
 * Creates tasks: validates dependencies (same tenant, not failed, no cycle), applies priority
 * inheritance, and stores each task blocked or queued with its event (one per task: a runnable
 * task's `created` also queues it), in the caller's transaction.
 */
@Injectable()
export class TaskCreation {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Returns the tasks created; fewer than given only when a schedule fire time was already used. */
  async create(manager: EntityManager, clientId: string, batch: NewTask[]): Promise<TaskRow[]> {
    const batchIds = new Set(batch.map((task) => task.id));
    const external = [...new Set(batch.flatMap((task) => task.dependsOn.filter((id) => !batchIds.has(id))))];
    const existing = external.length > 0 ? await this.tasks.findManyForClient(manager, clientId, external) : [];
    this.checkDependencies(batch, batchIds, new Map(existing.map((task) => [task.id, task])));

    const cycle = findCycle(batch);
    if (cycle) {
      const labels = new Map(batch.map((task) => [task.id, task.label]));
      const path = cycle.map((id) => labels.get(id) ?? id).join(' → ');
      // New tasks' ids are made here, so a cycle can only run through batch refs: name that field.
      const first = batch.find((task) => task.id === cycle[0]);
      const field = first?.field ? `${first.field}depends_on_refs` : 'depends_on';
      throw ProblemException.unprocessable(`The dependencies form a cycle: ${path}.`, [{ field, message: `cycle ${path}` }]);
    }

    const ancestors = external.length > 0 ? await this.tasks.ancestors(manager, external) : [];
    const nodes: PriorityNode[] = [
      ...ancestors.map((task) => ({ id: task.id, floor: task.effective_priority, dependsOn: task.depends_on })),
      ...batch.map((task) => ({ id: task.id, floor: task.priority, dependsOn: task.dependsOn })),
    ];
    const priorities = effectivePriorities(nodes);
    const completed = new Set(existing.filter((task) => task.status === 'completed').map((task) => task.id));
    const now = new Date();

    const rows = batch.map((task): NewTaskRow => {
      const waits = task.dependsOn.some((id) => !completed.has(id));
      const status = transition('pending', waits ? 'block' : 'queue');
      return {
        id: task.id,
        client_id: clientId,
        task_type: task.task_type,
        status,
        priority: task.priority,
        effective_priority: priorities.get(task.id) ?? task.priority,
        input: task.input,
        depends_on: task.dependsOn,
        routing: task.routing,
        timeout_seconds: task.timeout_seconds,
        retry_policy: task.retry_policy,
        labels: task.labels,
        metadata: task.metadata,
        chain_id: task.chain?.id ?? null,
        chain_step: task.chain?.step ?? null,
        template_id: task.templateId ?? null,
        schedule_id: task.schedule?.id ?? null,
        schedule_fire_time: task.schedule ? new Date(task.schedule.fireTime) : null,
        attempt: status === 'queued' ? 1 : 0,
        queued_at: status === 'queued' ? now : null,
      };
    });
    const created = await this.tasks.insertMany(manager, rows);
    if (created.length === 0) return created;

    const events: NewEvent[] = [];
    for (const ancestor of ancestors) {
      const raised = priorities.get(ancestor.id) ?? ancestor.effective_priority;
      if (raised <= ancestor.effective_priority) continue;
      await this.tasks.setEffectivePriority(manager, ancestor.id, raised);
      events.push(TaskEventsOf.priorityChanged(ancestor, raised));
    }
    for (const task of created) events.push(TaskEventsOf.created(task));
    await this.outbox.append(manager, ...events);
    return created;
  }

  private checkDependencies(batch: NewTask[], batchIds: Set<string>, existing: Map<string, Pick<TaskRow, 'id' | 'status' | 'retry_at'>>): void {
    const errors: FieldError[] = [];
    for (const task of batch) {
      for (const id of task.dependsOn) {
        if (batchIds.has(id)) continue;
        const dependency = existing.get(id);
        if (!dependency) errors.push({ field: `${task.field}depends_on`, message: `task ${id} does not exist` });
        else if (dependency.status !== 'completed' && isTerminal(dependency.status, dependency.retry_at)) {
          errors.push({ field: `${task.field}depends_on`, message: `task ${id} is ${dependency.status} and will not complete` });
        }
      }
    }
    if (errors.length > 0) throw ProblemException.unprocessable('Some dependencies cannot be waited on.', errors);
  }
}
