import { z } from 'zod';
import type { ApiOperation } from './api-operation';
import { pageOf } from './common.schemas';

export const AUDIT_ACTIONS = ['api_key.create', 'api_key.rotate', 'api_key.revoke', 'api_key.bootstrap', 'auth.failure', 'auth.lockout', 'auth.address_refused'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditLogQuery = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  client_id: z.string().min(1).max(128).optional(),
  key_id: z.string().min(1).max(64).optional(),
  ip: z.string().min(1).max(64).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditLogSchema = z.object({
  id: z.string(),
  occurred_at: z.iso.datetime({ offset: true }),
  action: z.enum(AUDIT_ACTIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  client_id: z.string().nullable(),
  key_id: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditLogView = z.infer<typeof AuditLogSchema>;

export const AuditLogOperations: ApiOperation[] = [
  {
    operationId: 'listAuditLogs',
    method: 'GET',
    path: '/v1/audit-logs',
    upstream: 'gateway',
    scopes: ['admin'],
    tag: 'Audit log',
    summary: 'List audit log entries',
    description: 'Admin actions and authentication failures, newest first, filterable.',
    query: AuditLogQuery,
    responses: { 200: { description: 'A page of entries.', schema: pageOf(AuditLogSchema) } },
  },
];
