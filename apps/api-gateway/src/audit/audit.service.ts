import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AuditAction, AuditLogQuery, AuditLogView, AuditOutcome } from '@ains/contracts';
import { LOGGER, ProblemException } from '@ains/platform';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  clientId?: string | null;
  keyId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Records an entry; a failing audit write is logged, never turned into the caller's error. */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.repository.insert({ action: entry.action, outcome: entry.outcome, clientId: entry.clientId ?? null, keyId: entry.keyId ?? null, ip: entry.ip ?? null, detail: entry.detail ?? {} });
    } catch (error) {
      this.logger.error({ err: error, audit: entry }, 'audit log write failed');
    }
  }

  async list(query: AuditLogQuery): Promise<{ data: AuditLogView[]; next_cursor: string | null }> {
    const { cursor, limit, ...filter } = query;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, 1);
    if (cursor !== undefined && (!after || !/^\d{1,19}$/.test(String(after[0])))) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
    const rows = await this.repository.listPage(filter, limit + 1, after ? String(after[0]) : undefined);
    const page = rows.slice(0, limit);
    const data = page.map((row) => ({
      id: String(row.id),
      occurred_at: row.occurredAt.toISOString(),
      action: row.action,
      outcome: row.outcome,
      client_id: row.clientId,
      key_id: row.keyId,
      ip: row.ip,
      detail: row.detail,
    }));
    return { data, next_cursor: rows.length > limit ? encodeCursor([String(page[page.length - 1].id)]) : null };
  }
}
