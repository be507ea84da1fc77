import { Injectable } from '@nestjs/common';
import type { CreateApiKeyBody, RotateApiKeyBody } from '@ains/contracts';
import type { OperationHandler, OperationHandlerSet } from '../operations/operation-handler';
import { ApiKeysService } from './api-keys.service';

/** The gateway's own API-key endpoints (admin only, as their operations declare). */
@Injectable()
export class ApiKeyHandlers implements OperationHandlerSet {
  constructor(private readonly keys: ApiKeysService) {}

  handlers(): Record<string, OperationHandler> {
    return {
      createApiKey: async ({ caller, input, ip, reply }) => {
        void reply.status(201);
        return this.keys.create(input.body as CreateApiKeyBody, caller, ip);
      },
      listApiKeys: ({ input }) => {
        const { limit, client_id, cursor } = input.query as { limit: number; client_id?: string; cursor?: string };
        return this.keys.list(limit, client_id, cursor);
      },
      getApiKey: ({ input }) => this.keys.get(String(input.params.id)),
      rotateApiKey: ({ caller, input, ip }) => this.keys.rotate(String(input.params.id), input.body as RotateApiKeyBody, caller, ip),
      revokeApiKey: async ({ caller, input, ip, reply }) => {
        await this.keys.revoke(String(input.params.id), caller, ip);
        return reply.status(204).send();
      },
    };
  }
}
