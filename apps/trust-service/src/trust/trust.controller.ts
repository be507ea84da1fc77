import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { TrustHistoryQuery, TrustOverrideBody, uuidParam, type Caller, type TrustDetailView, type TrustHistoryView } from '@ains/contracts';
import { CurrentCaller, ProblemException, ZodValidationPipe } from '@ains/platform';
import { TrustHistoryService } from './trust-history.service';
import { TrustService } from './trust.service';
import { TRUST_SCALE, type Override } from './trust-rules';

const AgentIdParam = uuidParam();
type AgentId = z.infer<typeof AgentIdParam>;
type HistoryQuery = z.infer<typeof TrustHistoryQuery>;
type OverrideBody = z.infer<typeof TrustOverrideBody>;

/** Scopes that may change a score by hand; checked here as well as at the gateway. */
const OVERRIDE_SCOPES = new Set(['trust:admin', 'admin']);

@Controller('v1/agents/:id/trust')
export class TrustController {
  constructor(
    private readonly trust: TrustService,
    private readonly history: TrustHistoryService,
  ) {}

  @Get()
  get(@Param(new ZodValidationPipe(AgentIdParam)) params: AgentId): Promise<TrustDetailView> {
    return this.history.get(params.id);
  }

  @Get('history')
  getHistory(@Param(new ZodValidationPipe(AgentIdParam)) params: AgentId, @Query(new ZodValidationPipe(TrustHistoryQuery)) query: HistoryQuery): Promise<TrustHistoryView> {
    return this.history.history(params.id, query);
  }

  @Post('override')
  @HttpCode(200)
  async override(
    @Param(new ZodValidationPipe(AgentIdParam)) params: AgentId,
    @Body(new ZodValidationPipe(TrustOverrideBody)) body: OverrideBody,
    @CurrentCaller() caller: Caller,
  ): Promise<TrustDetailView> {
    if (!caller.scopes.some((scope) => OVERRIDE_SCOPES.has(scope))) {
      throw new ProblemException({ status: 403, type: 'forbidden', title: 'Forbidden', detail: 'Overriding a trust score needs the trust:admin scope.' });
    }
    await this.trust.override(params.id, toOverride(body), body.reason, caller);
    return this.history.get(params.id);
  }
}

/** The schema admits exactly one of score and delta, each exact to four decimals, so rounding is exact. */
function toOverride(body: OverrideBody): Override {
  if (body.score !== undefined) return { kind: 'set', scoreBp: Math.round(body.score * TRUST_SCALE) };
  return { kind: 'delta', deltaBp: Math.round((body.delta ?? 0) * TRUST_SCALE) };
}
