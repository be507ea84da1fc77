import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeyHandlers } from './api-keys/api-key-handlers';
import { ApiKeyStore } from './api-keys/api-key-store';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditHandlers } from './audit/audit-handlers';
import { AuditLog } from './audit/audit-log.entity';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { Authenticator } from './auth/authenticator';
import { FailureTracker } from './auth/failure-tracker';
import { LastUsedRecorder } from './auth/last-used-recorder';
import { ConsoleRoutes } from './console/console.routes';
import { DocsRoutes } from './openapi/docs.routes';
import { AgentHandlers } from './operations/agent-handlers';
import { CorsPolicy } from './operations/cors';
import { OperationRouter } from './operations/operation-router';
import { ReferenceHandlers } from './operations/reference-handlers';
import { RateLimiter } from './rate-limit/rate-limiter';
import { UpstreamModule } from './upstream/upstream.module';

/** The public door: API keys, authentication, rate limits, the routes of every operation, the API docs, the operator console. */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKey, AuditLog]), UpstreamModule],
  providers: [
    ApiKeysRepository,
    ApiKeyStore,
    ApiKeysService,
    ApiKeyHandlers,
    AuditRepository,
    AuditService,
    AuditHandlers,
    FailureTracker,
    LastUsedRecorder,
    Authenticator,
    RateLimiter,
    AgentHandlers,
    ReferenceHandlers,
    CorsPolicy,
    OperationRouter,
    DocsRoutes,
    ConsoleRoutes,
  ],
  exports: [ApiKeysService],
})
export class GatewayModule {}
