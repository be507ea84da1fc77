import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface RoutingPolicy {
  clientId: string;
  taskType: string;
  strategy: string;
  updatedAt: Date;
}

interface PolicyRow {
  client_id: string;
  task_type: string;
  strategy: string;
  updated_at: Date;
}

const toPolicy = (row: PolicyRow): RoutingPolicy => ({ clientId: row.client_id, taskType: row.task_type, strategy: row.strategy, updatedAt: row.updated_at });

/** Task-type policies belong to a tenant: every query is keyed by client id. */
@Injectable()
export class PoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(clientId: string, taskType: string): Promise<RoutingPolicy | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM routing.policies WHERE client_id = $1 AND task_type = $2', [clientId, taskType])) as PolicyRow[];
    return row ? toPolicy(row) : undefined;
  }

  async upsert(clientId: string, taskType: string, strategy: string): Promise<RoutingPolicy> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO routing.policies (client_id, task_type, strategy, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (client_id, task_type) DO UPDATE SET strategy = EXCLUDED.strategy, updated_at = EXCLUDED.updated_at RETURNING *`,
      [clientId, taskType, strategy],
    )) as PolicyRow[];
    return toPolicy(row);
  }

  /** The policies of these tenants, keyed `clientId\ntaskType`, for one dispatch round. */
  async forClients(manager: EntityManager, clientIds: readonly string[]): Promise<Map<string, string>> {
    if (clientIds.length === 0) return new Map();
    const rows = (await manager.query('SELECT * FROM routing.policies WHERE client_id = ANY($1)', [clientIds])) as PolicyRow[];
    return new Map(rows.map((row) => [policyKey(row.client_id, row.task_type), row.strategy]));
  }
}

export function policyKey(clientId: string, taskType: string): string {
  return `${clientId}\n${taskType}`;
}
