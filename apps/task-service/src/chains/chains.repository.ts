import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChainRow, StepTaskRow } from './chain.row';

/** SQL on task.task_chains; client-facing reads are scoped by the client id. */
@Injectable()
export class ChainsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, chain: Pick<ChainRow, 'id' | 'client_id' | 'name' | 'status' | 'failure_policy' | 'steps' | 'labels'>): Promise<ChainRow> {
    const [row] = (await manager.query(
      'INSERT INTO task.task_chains (id, client_id, name, status, failure_policy, steps, labels) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
      [chain.id, chain.client_id, chain.name, chain.status, chain.failure_policy, JSON.stringify(chain.steps), JSON.stringify(chain.labels)],
    )) as ChainRow[];
    return row;
  }

  async find(clientId: string, id: string): Promise<ChainRow | null> {
    const [row] = (await this.dataSource.query('SELECT * FROM task.task_chains WHERE id = $1 AND client_id = $2', [id, clientId])) as ChainRow[];
    return row ?? null;
  }

  async lockForClient(manager: EntityManager, clientId: string, id: string): Promise<ChainRow | null> {
    const [row] = (await manager.query('SELECT * FROM task.task_chains WHERE id = $1 AND client_id = $2 FOR UPDATE', [id, clientId])) as ChainRow[];
    return row ?? null;
  }

  async update(manager: EntityManager, id: string, changes: Pick<ChainRow, 'status' | 'current_step' | 'finished_at'>): Promise<ChainRow> {
    const [rows] = (await manager.query('UPDATE task.task_chains SET status = $2, current_step = $3, finished_at = $4 WHERE id = $1 RETURNING *', [
      id,
      changes.status,
      changes.current_step,
      changes.finished_at,
    ])) as [ChainRow[], number];
    return rows[0];
  }

  stepTasks(id: string, manager?: EntityManager): Promise<StepTaskRow[]> {
    return (manager ?? this.dataSource).query('SELECT id, chain_step, status, result, error FROM task.tasks WHERE chain_id = $1 ORDER BY chain_step', [id]);
  }
}
