import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { TrustView } from '@ains/contracts';
import { TrustService } from './trust.service';
import { toScore } from './trust-rules';

@Controller('v1/agents/:agentId/trust')
export class TrustController {
  constructor(private readonly trust: TrustService) {}

  @Get()
  async get(@Param('agentId', ParseUUIDPipe) agentId: string): Promise<TrustView> {
    const score = await this.trust.get(agentId);
    return { agent_id: score.agentId, score: toScore(score.scoreBp), tier: score.tier, updated_at: score.updatedAt.toISOString() };
  }
}
