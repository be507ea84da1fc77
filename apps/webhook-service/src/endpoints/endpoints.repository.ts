import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import type { EndpointHealth } from '../delivery/attempt-policy';
import { Endpoint, type DisabledReason } from './endpoint.entity';

export interface EndpointPageKey {
  createdAt: string;
  id: string;
}

/** Every read and write of endpoints on behalf of a client names that client. */
@Injectable()
export class EndpointsRepository {
  constructor(@InjectRepository(Endpoint) private readonly endpoints: Repository<Endpoint>) {}

  save(endpoint: Endpoint, manager?: EntityManager): Promise<Endpoint> {
    return (manager?.getRepository(Endpoint) ?? this.endpoints).save(endpoint);
  }

  findForClient(clientId: string, id: string, manager?: EntityManager): Promise<Endpoint | null> {
    return (manager?.getRepository(Endpoint) ?? this.endpoints).findOneBy({ clientId, id });
  }

  /** Newest first; `after` is the sort key of the previous page's last endpoint. */
  listPage(clientId: string, limit: number, after?: EndpointPageKey): Promise<Endpoint[]> {
    const query = this.endpoints
      .createQueryBuilder('endpoint')
      .where('endpoint.clientId = :clientId', { clientId })
      .orderBy('endpoint.createdAt', 'DESC')
      .addOrderBy('endpoint.id', 'DESC')
      .take(limit);
    if (after) query.andWhere('(endpoint.createdAt, endpoint.id) < (:createdAt, :id)', after);
    return query.getMany();
  }

  async delete(clientId: string, id: string): Promise<boolean> {
    const result = await this.endpoints.delete({ clientId, id });
    return (result.affected ?? 0) > 0;
  }

  /** The clients' enabled endpoints, for fan-out inside the consumer's transaction. */
  findEnabledForClients(manager: EntityManager, clientIds: string[]): Promise<Pick<Endpoint, 'id' | 'clientId' | 'eventTypes'>[]> {
    return manager.getRepository(Endpoint).find({ select: { id: true, clientId: true, eventTypes: true }, where: { clientId: In(clientIds), enabled: true } });
  }

  /** Every enabled endpoint's client and filters: the subscription index. */
  async enabledSubscriptions(): Promise<{ clientId: string; eventTypes: string[] }[]> {
    return this.endpoints.find({ select: { clientId: true, eventTypes: true }, where: { enabled: true } });
  }

  /** Disables the endpoint if it is enabled; returns it when this call disabled it. */
  async disable(manager: EntityManager, id: string, reason: DisabledReason): Promise<Pick<Endpoint, 'id' | 'clientId'> | undefined> {
    const rows = (await manager.query(
      `UPDATE webhook.endpoints SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND enabled RETURNING id, client_id`,
      [id, reason],
    )) as [{ id: string; client_id: string }[], number];
    const row = rows[0][0];
    return row ? { id: row.id, clientId: row.client_id } : undefined;
  }

  /**
   * Records an attempt's outcome in the endpoint's failure run and returns the endpoint's health
   * afterwards. A success only touches the row when it ends a failure run, so busy healthy
   * endpoints do not serialise their attempts on one row; its health matters to nobody.
   */
  async recordOutcome(manager: EntityManager, id: string, succeeded: boolean, attemptedAt: Date): Promise<EndpointHealth> {
    if (succeeded) {
      await manager.query('UPDATE webhook.endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [id]);
      return { enabled: true, failingSince: null };
    }
    const [rows] = (await manager.query('UPDATE webhook.endpoints SET failing_since = coalesce(failing_since, $2) WHERE id = $1 RETURNING enabled, failing_since', [id, attemptedAt])) as [
      { enabled: boolean; failing_since: Date }[],
      number,
    ];
    return { enabled: rows[0]?.enabled ?? false, failingSince: rows[0]?.failing_since ?? null };
  }
}
