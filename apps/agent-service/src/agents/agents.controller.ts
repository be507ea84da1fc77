import { Body, Controller, DefaultValuePipe, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { AgentView } from '@ains/contracts';
import { AgentsService } from './agents.service';
import { RegisterAgentDto } from './dto/register-agent.dto';
import { toAgentView } from './agent.mapper';

@Controller('v1/agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Post()
  @HttpCode(201)
  async register(@Body() dto: RegisterAgentDto): Promise<AgentView> {
    return toAgentView(await this.agents.register(dto));
  }

  @Get()
  async list(@Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number): Promise<{ data: AgentView[] }> {
    const agents = await this.agents.list(Math.min(Math.max(limit, 1), 200));
    return { data: agents.map(toAgentView) };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AgentView> {
    return toAgentView(await this.agents.get(id));
  }
}
