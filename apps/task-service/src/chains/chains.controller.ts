import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CreateChainBody, uuidParam, type Caller, type ChainView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import { Backpressure } from '../events/backpressure.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { replay } from '../tasks/tasks.controller';
import { ChainsService } from './chains.service';

const IdParam = uuidParam();
type IdParams = z.infer<typeof IdParam>;

@Controller('v1/task-chains')
export class ChainsController {
  constructor(
    private readonly chains: ChainsService,
    private readonly idempotency: IdempotencyService,
    private readonly backpressure: Backpressure,
  ) {}

  @Post()
  @HttpCode(201)
  async create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateChainBody)) body: z.infer<typeof CreateChainBody>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChainView> {
    await this.backpressure.assertAccepting();
    return replay(reply, await this.idempotency.run(caller.clientId, 'POST /v1/task-chains', key, body, (manager) => this.chains.create(manager, caller.clientId, body)));
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(IdParam)) params: IdParams): Promise<ChainView> {
    return this.chains.get(caller.clientId, params.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(IdParam)) params: IdParams): Promise<ChainView> {
    return this.chains.cancel(caller.clientId, params.id);
  }
}
