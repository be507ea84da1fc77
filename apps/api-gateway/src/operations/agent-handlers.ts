import { Injectable } from '@nestjs/common';
import type { AgentView, TrustDetailView } from '@ains/contracts';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { UpstreamClient } from '../upstream/upstream.client';
import type { OperationHandler, OperationHandlerSet } from './operation-handler';

/** Agent operations that need more than forwarding. */
@Injectable()
export class AgentHandlers implements OperationHandlerSet {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly keys: ApiKeysService,
  ) {}

  handlers(): Record<string, OperationHandler> {
    return {
      getAgent: (context) => this.getAgent(context),
      registerAgent: (context) => this.registerAgent(context),
    };
  }

  /** One answer from two services: the agent (with its load) and its trust score. */
  private readonly getAgent: OperationHandler = async ({ caller, input, reply }) => {
    const id = String(input.params.id);
    const [agent, trust] = await Promise.all([
      this.upstream.json<AgentView>('agent', { method: 'GET', path: `/v1/agents/${id}`, caller }),
      // Trust is an enrichment: while trust-service is down or has not seen the agent yet, it is null.
      this.upstream.json<TrustDetailView>('trust', { method: 'GET', path: `/v1/agents/${id}/trust`, caller }).catch(() => undefined),
    ]);
    if (agent.status !== 200) return reply.status(agent.status).type(problemOrJson(agent.body)).send(agent.body);
    return { ...agent.body, trust: trust?.status === 200 ? trust.body : null };
  };

  /** Registers the agent, then issues the agent's own `agent:work` key, shown once in the answer. */
  private readonly registerAgent: OperationHandler = async ({ caller, request, reply }) => {
    const created = await this.upstream.json<AgentView>('agent', { method: 'POST', path: '/v1/agents', caller, body: request.body });
    if (created.status !== 201) return reply.status(created.status).type(problemOrJson(created.body)).send(created.body);
    const key = await this.keys.issueAgentKey(created.body.id, created.body.display_name, caller);
    void reply.status(201);
    return { ...created.body, api_key: key.api_key };
  };
}

function problemOrJson(body: unknown): string {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body ? 'application/problem+json' : 'application/json';
}
