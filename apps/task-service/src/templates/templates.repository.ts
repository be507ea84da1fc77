import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageKey } from '../tasks/tasks.repository';
import type { TemplateRow } from './template.row';

/** SQL on task.task_templates; every statement is scoped by the client id. */
@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, template: Pick<TemplateRow, 'id' | 'client_id' | 'name' | 'description' | 'task_type' | 'defaults'>): Promise<TemplateRow> {
    const [row] = (await manager.query(
      'INSERT INTO task.task_templates (id, client_id, name, description, task_type, defaults) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [template.id, template.client_id, template.name, template.description, template.task_type, JSON.stringify(template.defaults)],
    )) as TemplateRow[];
    return row;
  }

  async find(clientId: string, id: string, manager?: EntityManager): Promise<TemplateRow | null> {
    const [row] = (await (manager ?? this.dataSource).query('SELECT * FROM task.task_templates WHERE id = $1 AND client_id = $2', [id, clientId])) as TemplateRow[];
    return row ?? null;
  }

  listPage(clientId: string, limit: number, after?: PageKey): Promise<TemplateRow[]> {
    const keyset = after ? 'AND (created_at, id) < ($3::timestamptz, $4::uuid)' : '';
    const params = after ? [clientId, limit, after.createdAt, after.id] : [clientId, limit];
    return this.dataSource.query(`SELECT * FROM task.task_templates WHERE client_id = $1 ${keyset} ORDER BY created_at DESC, id DESC LIMIT $2`, params);
  }

  async update(clientId: string, id: string, changes: Partial<Pick<TemplateRow, 'name' | 'description' | 'task_type' | 'defaults'>>): Promise<TemplateRow | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE task.task_templates SET name = coalesce($3, name), description = coalesce($4, description), task_type = coalesce($5, task_type),
         defaults = coalesce($6::jsonb, defaults), updated_at = now()
       WHERE id = $1 AND client_id = $2 RETURNING *`,
      [id, clientId, changes.name ?? null, changes.description ?? null, changes.task_type ?? null, changes.defaults ? JSON.stringify(changes.defaults) : null],
    )) as [TemplateRow[], number];
    return rows[0] ?? null;
  }

  async delete(clientId: string, id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query('DELETE FROM task.task_templates WHERE id = $1 AND client_id = $2', [id, clientId])) as [unknown, number];
    return count > 0;
  }

  /** Counts one instantiation; locks the template so concurrent counts add up. */
  async countUse(manager: EntityManager, clientId: string, id: string): Promise<void> {
    await manager.query('UPDATE task.task_templates SET times_used = times_used + 1 WHERE id = $1 AND client_id = $2', [id, clientId]);
  }
}
