import { Injectable } from '@nestjs/common';
import type { AuditLogQuery } from '@ains/contracts';
import type { OperationHandler, OperationHandlerSet } from '../operations/operation-handler';
import { AuditService } from './audit.service';

@Injectable()
export class AuditHandlers implements OperationHandlerSet {
  constructor(private readonly audit: AuditService) {}

  handlers(): Record<string, OperationHandler> {
    return { listAuditLogs: ({ input }) => this.audit.list(input.query as AuditLogQuery) };
  }
}
