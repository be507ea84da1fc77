import { Injectable } from '@nestjs/common';
import type { AgentView, Caller, CreateApiKeyBody, RotateApiKeyBody } from '@ains/contracts';
import { ProblemException } from '@ains/platform';
import type { OperationHandler, OperationHandlerSet } from '../operations/operation-handler';
import { UpstreamClient } from '../upstream/upstream.client';
import { ApiKeysService } from './api-keys.service';

/** The gateway's own API-key endpoints (admin only, as their operations declare). */
@Injectable()
export class ApiKeyHandlers implements OperationHandlerSet {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly upstream: UpstreamClient,
  ) {}

  handlers(): Record<string, OperationHandler> {
    return {
      createApiKey: async ({ caller, input, ip, reply }) => {
        const body = input.body as CreateApiKeyBody;
        if (body.agent_id !== undefined) await this.requireLiveAgent(body.agent_id, caller);
        void reply.status(201);
        return this.keys.create(body, caller, ip);
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

  /** An `agent:work` key acts as one agent: agent-service must know it, and not as deregistered. */
  private async requireLiveAgent(agentId: string, caller: Caller): Promise<void> {
    const agent = await this.upstream.json<AgentView>('agent', { method: 'GET', path: `/v1/agents/${agentId}`, caller });
    if (agent.status === 404) throw ProblemException.unprocessable(`Agent ${agentId} does not exist.`, [{ field: 'agent_id', message: 'must be a registered agent' }]);
    if (agent.status !== 200) throw ProblemException.serviceUnavailable('The agent registry could not confirm the agent; try again.', 5);
    if (agent.body.status === 'deregistered') throw ProblemException.unprocessable(`Agent ${agentId} is deregistered.`, [{ field: 'agent_id', message: 'must not be deregistered' }]);
  }
}
