import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateTemplateBody, InstantiateTemplateBody, TemplateView, UpdateTemplateBody } from '@ains/contracts';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { ProblemException } from '@ains/platform';
import { TasksService } from '../tasks/tasks.service';
import type { TaskRow } from '../tasks/task.row';
import { specFromTemplate, type TemplateOverrides } from './template-merge';
import { toTemplateView } from './template.row';
import { TemplatesRepository } from './templates.repository';

@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: TemplatesRepository,
    private readonly tasks: TasksService,
  ) {}

  async create(manager: EntityManager, clientId: string, body: CreateTemplateBody): Promise<TemplateView> {
    specFromTemplate(body.task_type, body.defaults, {});
    return toTemplateView(await this.templates.insert(manager, { id: randomUUID(), client_id: clientId, ...body }));
  }

  async get(clientId: string, id: string): Promise<TemplateView> {
    const template = await this.templates.find(clientId, id);
    if (!template) throw ProblemException.notFound(`Task template ${id}`);
    return toTemplateView(template);
  }

  async list(clientId: string, limit: number, cursor?: string): Promise<{ data: TemplateView[]; next_cursor: string | null }> {
    let after: { createdAt: string; id: string } | undefined;
    if (cursor) {
      const parts = decodeCursor(cursor, 2);
      if (!parts) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
      after = { createdAt: String(parts[0]), id: String(parts[1]) };
    }
    const rows = await this.templates.listPage(clientId, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { data: page.map(toTemplateView), next_cursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
  }

  async update(clientId: string, id: string, body: UpdateTemplateBody): Promise<TemplateView> {
    if (body.task_type !== undefined || body.defaults !== undefined) {
      const current = await this.templates.find(clientId, id);
      if (!current) throw ProblemException.notFound(`Task template ${id}`);
      specFromTemplate(body.task_type ?? current.task_type, body.defaults ?? current.defaults, {});
    }
    const updated = await this.templates.update(clientId, id, body);
    if (!updated) throw ProblemException.notFound(`Task template ${id}`);
    return toTemplateView(updated);
  }

  async delete(clientId: string, id: string): Promise<void> {
    if (!(await this.templates.delete(clientId, id))) throw ProblemException.notFound(`Task template ${id}`);
  }

  /** A task from the template's defaults with the overrides on top; counts the use. */
  async instantiate(manager: EntityManager, clientId: string, id: string, body: Partial<InstantiateTemplateBody>, origin: { schedule?: { id: string; fireTime: string } } = {}): Promise<TaskRow | null> {
    const template = await this.templates.find(clientId, id, manager);
    if (!template) throw ProblemException.notFound(`Task template ${id}`);
    const { depends_on: dependsOn = [], ...overrides } = body;
    const spec = specFromTemplate(template.task_type, template.defaults, overrides as Partial<TemplateOverrides>);
    const task = await this.tasks.create(manager, clientId, { ...spec, depends_on: dependsOn }, { templateId: id, ...origin });
    if (task) await this.templates.countUse(manager, clientId, id);
    return task;
  }
}
