import type { ApiOperation } from './api-operation';
import { ApiKeyOperations } from './api-keys.api';
import { AuditLogOperations } from './audit-logs.api';
import { AgentOperations } from './agents.api';
import { RoutingOperations } from './routing.api';
import { ScheduleOperations } from './schedules.api';
import { TaskOperations } from './tasks.api';
import { TrustOperations } from './trust.api';
import { WebhookOperations } from './webhooks.api';

export * from './api-operation';
export * from './common.schemas';
export * from './api-keys.api';
export * from './audit-logs.api';
export * from './agents.api';
export * from './agent-public-key';
export * from './routing.api';
export * from './schedules.api';
export * from './tasks.api';
export * from './trust.api';
export * from './webhooks.api';

/** Every public operation, in the order the API documentation lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [...ApiKeyOperations, ...AuditLogOperations, ...AgentOperations, ...RoutingOperations, ...ScheduleOperations, ...TaskOperations, ...TrustOperations, ...WebhookOperations];
