import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { EmptyBody, ListAgentsQuery, RegisterAgentBody, UpdateAgentBody, uuidParam, type AgentStatsView, type AgentView, type Caller } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import type { z } from 'zod';
import { LivenessService } from '../liveness/liveness.service';
import { AgentsService } from './agents.service';

const AgentIdParam = uuidParam();
// A type name distinct from the schema constant: decorator metadata would otherwise name the schema as the parameter type.
type AgentIdParams = z.infer<typeof AgentIdParam>;

/**
 * Agents are a fleet shared by all tenants for reading and routing; only the client that
 * registered an agent (or an admin) may change it, and an `agent:work` key only its own agent's
 * heartbeat, drain and resume (agent-access.policy.ts).
 */
@Controller('v1/agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsService,
    private readonly liveness: LivenessService,
  ) {}

  @Post()
  @HttpCode(201)
  register(@CurrentCaller() caller: Caller, @Body(new ZodValidationPipe(RegisterAgentBody)) body: z.infer<typeof RegisterAgentBody>): Promise<AgentView> {
    return this.agents.register(caller, body);
  }

  @Get()
  async list(@CurrentCaller() caller: Caller, @Query(new ZodValidationPipe(ListAgentsQuery)) query: z.infer<typeof ListAgentsQuery>): Promise<{ data: AgentView[]; next_cursor: string | null }> {
    const page = await this.agents.list(caller, query);
    return { data: page.agents, next_cursor: page.nextCursor };
  }

  @Get('stats')
  stats(): Promise<AgentStatsView> {
    return this.agents.stats();
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: AgentIdParams): Promise<AgentView> {
    return this.agents.get(caller, params.id);
  }

  @Patch(':id')
  update(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(AgentIdParam)) params: AgentIdParams,
    @Body(new ZodValidationPipe(UpdateAgentBody)) body: z.infer<typeof UpdateAgentBody>,
  ): Promise<AgentView> {
    return this.agents.update(caller, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async deregister(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: AgentIdParams): Promise<void> {
    await this.agents.deregister(caller, params.id);
  }

  @Post(':id/heartbeat')
  @HttpCode(200)
  heartbeat(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: AgentIdParams, @Body(new ZodValidationPipe(EmptyBody)) _body: unknown): Promise<AgentView> {
    return this.liveness.heartbeat(caller, params.id);
  }

  @Post(':id/drain')
  @HttpCode(200)
  drain(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: AgentIdParams, @Body(new ZodValidationPipe(EmptyBody)) _body: unknown): Promise<AgentView> {
    return this.liveness.drain(caller, params.id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: AgentIdParams, @Body(new ZodValidationPipe(EmptyBody)) _body: unknown): Promise<AgentView> {
    return this.liveness.resume(caller, params.id);
  }
}
