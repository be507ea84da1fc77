import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuditLogQuery } from '@ains/contracts';
import { AuditLog } from './audit-log.entity';

export type AuditFilter = Omit<AuditLogQuery, 'cursor' | 'limit'>;

/** All SQL on gateway.audit_logs: inserts and filtered pages, newest first. */
@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>) {}

  async insert(entry: Omit<AuditLog, 'id' | 'occurredAt'>): Promise<void> {
    await this.logs.save(Object.assign(new AuditLog(), entry, { occurredAt: new Date() }));
  }

  listPage(filter: AuditFilter, limit: number, beforeId?: string): Promise<AuditLog[]> {
    const query = this.logs.createQueryBuilder('log').orderBy('log.id', 'DESC').take(limit);
    if (filter.action) query.andWhere('log.action = :action', { action: filter.action });
    if (filter.outcome) query.andWhere('log.outcome = :outcome', { outcome: filter.outcome });
    if (filter.client_id) query.andWhere('log.clientId = :clientId', { clientId: filter.client_id });
    if (filter.key_id) query.andWhere('log.keyId = :keyId', { keyId: filter.key_id });
    if (filter.ip) query.andWhere('log.ip = :ip', { ip: filter.ip });
    if (filter.since) query.andWhere('log.occurredAt >= :since', { since: filter.since });
    if (filter.until) query.andWhere('log.occurredAt < :until', { until: filter.until });
    if (beforeId) query.andWhere('log.id < :beforeId', { beforeId });
    return query.getMany();
  }
}
