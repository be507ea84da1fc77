import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateTaskBatchBody, CreateTaskBody, TaskDetailView, TaskListQuery, TaskView } from '@ains/contracts';
import { TransactionRunner } from '@ains/messaging';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { ProblemException } from '@ains/platform';
import { TaskCreation, type NewTask } from './task-creation.service';
import { TaskLifecycle } from './task-lifecycle.service';
import { InvalidTransitionError } from './task-state-machine';
import { toTaskDetailView, toTaskView, type TaskRow } from './task.row';
import { TasksRepository } from './tasks.repository';

/** The client-facing task operations; all of them scoped by the caller's client id. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly creation: TaskCreation,
    private readonly lifecycle: TaskLifecycle,
    private readonly transactions: TransactionRunner,
  ) {}

  /** A task from the API: always created. */
  async createForClient(manager: EntityManager, clientId: string, body: CreateTaskBody): Promise<TaskView> {
    return toTaskView(created(await this.create(manager, clientId, body)));
  }

  /** Returns null only when `origin.schedule` already produced its task (a repeated fire). */
  async create(manager: EntityManager, clientId: string, body: CreateTaskBody, origin: Pick<NewTask, 'templateId' | 'schedule'> = {}): Promise<TaskRow | null> {
    const { depends_on: dependsOn, ...spec } = body;
    const id = randomUUID();
    const [task] = await this.creation.create(manager, clientId, [{ ...spec, ...origin, id, dependsOn, label: id, field: '' }]);
    return task ?? null;
  }

  /** All or nothing: items depend on each other by `ref`; every ref resolves to the new task's id. */
  async createBatch(manager: EntityManager, clientId: string, body: CreateTaskBatchBody): Promise<(TaskView & { ref: string | null })[]> {
    const ids = new Map<string, string>();
    body.tasks.forEach((item, index) => {
      if (item.ref === undefined) return;
      if (ids.has(item.ref)) throw ProblemException.unprocessable('Batch refs must be unique.', [{ field: `tasks[${index}].ref`, message: `"${item.ref}" is used twice` }]);
      ids.set(item.ref, randomUUID());
    });
    const batch = body.tasks.map((item, index): NewTask => {
      const { ref, depends_on: dependsOn, depends_on_refs: dependsOnRefs, ...spec } = item;
      const refIds = dependsOnRefs.map((dependency) => {
        const id = ids.get(dependency);
        if (!id) throw ProblemException.unprocessable('A dependency ref is not in the batch.', [{ field: `tasks[${index}].depends_on_refs`, message: `no task has ref "${dependency}"` }]);
        return id;
      });
      const id = ref !== undefined ? (ids.get(ref) as string) : randomUUID();
      return { ...spec, id, dependsOn: [...new Set([...dependsOn, ...refIds])], label: ref ?? `tasks[${index}]`, field: `tasks[${index}].` };
    });
    const created = await this.creation.create(manager, clientId, batch);
    return created.map((task, index) => ({ ...toTaskView(task), ref: body.tasks[index].ref ?? null }));
  }

  /** `agentsVisible`: whether the caller may read agents, and so the ids of every routing candidate. */
  async get(clientId: string, id: string, agentsVisible: boolean): Promise<TaskDetailView> {
    const task = await this.tasks.findForClient(clientId, id);
    if (!task) throw ProblemException.notFound(`Task ${id}`);
    return toTaskDetailView(task, await this.tasks.listAttempts(id), agentsVisible);
  }

  async list(clientId: string, query: TaskListQuery): Promise<{ data: TaskView[]; next_cursor: string | null }> {
    let after: { createdAt: string; id: string } | undefined;
    if (query.cursor) {
      const parts = decodeCursor(query.cursor, 2);
      if (!parts) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
      after = { createdAt: String(parts[0]), id: String(parts[1]) };
    }
    const rows = await this.tasks.listPage(clientId, query, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { data: page.map(toTaskView), next_cursor: rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
  }

  cancel(clientId: string, id: string, reason: string): Promise<TaskView> {
    return this.change(clientId, id, (manager, task) => this.lifecycle.cancel(manager, task, reason));
  }

  retry(clientId: string, id: string): Promise<TaskView> {
    return this.change(clientId, id, (manager, task) => this.lifecycle.retryByClient(manager, task));
  }

  private async change(clientId: string, id: string, apply: (manager: EntityManager, task: TaskRow) => Promise<TaskRow>): Promise<TaskView> {
    const task = await this.transactions.run(async (manager) => {
      const current = await this.tasks.lockForClient(manager, clientId, id);
      if (!current) throw ProblemException.notFound(`Task ${id}`);
      return apply(manager, current);
    }).catch(asConflict);
    return toTaskView(task);
  }
}

/** Unwraps a creation that has no schedule origin, so cannot be a repeat. */
export function created(task: TaskRow | null): TaskRow {
  if (!task) throw new Error('a task without a schedule origin is always created');
  return task;
}

/** Maps the state machine's refusal to a 409 wherever a transition is attempted for a request. */
export function asConflict(error: unknown): never {
  if (error instanceof InvalidTransitionError) throw ProblemException.conflict(error.message);
  throw error;
}
