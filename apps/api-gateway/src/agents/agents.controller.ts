import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AgentView, TrustView } from '@ains/contracts';
import { UpstreamClient } from '../upstream/upstream.client';
import { relayResponse } from '../upstream/relay-response';

@Controller('v1/agents')
export class AgentsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Post()
  async register(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return relayResponse(reply, await this.upstream.call('agent', { method: 'POST', path: '/v1/agents', body }));
  }

  @Get()
  async list(@Query('limit') limit: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const query = limit === undefined ? '' : `?limit=${encodeURIComponent(limit)}`;
    return relayResponse(reply, await this.upstream.call('agent', { method: 'GET', path: `/v1/agents${query}` }));
  }

  /** One answer from two services: the agent from agent-service, its trust from trust-service. */
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const [agent, trust] = await Promise.all([
      this.upstream.call<AgentView>('agent', { method: 'GET', path: `/v1/agents/${id}` }),
      this.upstream.call<TrustView>('trust', { method: 'GET', path: `/v1/agents/${id}/trust` }),
    ]);
    if (agent.status !== 200) return relayResponse(reply, agent);
    // The trust score follows registration asynchronously; until it exists the field is null.
    return { ...agent.body, trust: trust.status === 200 ? trust.body : null };
  }
}
