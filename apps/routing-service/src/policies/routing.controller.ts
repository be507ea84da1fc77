import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { PutRoutingPolicyBody, TaskTypeParam, type Caller, type RoutingPolicyView, type RoutingStrategiesView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import type { z } from 'zod';
import type { RoutingPolicy } from './policies.repository';
import { PoliciesService } from './policies.service';

const toView = (policy: RoutingPolicy): RoutingPolicyView => ({ task_type: policy.taskType, strategy: policy.strategy, updated_at: policy.updatedAt.toISOString() });

@Controller('v1/routing')
export class RoutingController {
  constructor(private readonly policies: PoliciesService) {}

  @Get('strategies')
  strategies(): RoutingStrategiesView {
    return { data: this.policies.listStrategies(), default_strategy: this.policies.defaultStrategy };
  }

  @Get('policies/:taskType')
  async getPolicy(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskTypeParam)) params: z.infer<typeof TaskTypeParam>): Promise<RoutingPolicyView> {
    return toView(await this.policies.get(caller.clientId, params.taskType));
  }

  @Put('policies/:taskType')
  async putPolicy(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(TaskTypeParam)) params: z.infer<typeof TaskTypeParam>,
    @Body(new ZodValidationPipe(PutRoutingPolicyBody)) body: z.infer<typeof PutRoutingPolicyBody>,
  ): Promise<RoutingPolicyView> {
    return toView(await this.policies.put(caller.clientId, params.taskType, body.strategy));
  }
}
