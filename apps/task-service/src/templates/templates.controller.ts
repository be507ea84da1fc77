import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CreateTemplateBody, InstantiateTemplateBody, PageQuery, UpdateTemplateBody, uuidParam, type Caller, type TaskView, type TemplateView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import { Backpressure } from '../events/backpressure.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { replay } from '../tasks/tasks.controller';
import { toTaskView } from '../tasks/task.row';
import { created } from '../tasks/tasks.service';
import { TemplatesService } from './templates.service';

const IdParam = uuidParam();
type IdParams = z.infer<typeof IdParam>;

@Controller('v1/task-templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly idempotency: IdempotencyService,
    private readonly backpressure: Backpressure,
  ) {}

  @Post()
  @HttpCode(201)
  async create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateTemplateBody)) body: z.infer<typeof CreateTemplateBody>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TemplateView> {
    return replay(reply, await this.idempotency.run(caller.clientId, 'POST /v1/task-templates', key, body, (manager) => this.templates.create(manager, caller.clientId, body)));
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @Query(new ZodValidationPipe(PageQuery)) query: z.infer<typeof PageQuery>): Promise<{ data: TemplateView[]; next_cursor: string | null }> {
    return this.templates.list(caller.clientId, query.limit, query.cursor);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(IdParam)) params: IdParams): Promise<TemplateView> {
    return this.templates.get(caller.clientId, params.id);
  }

  @Patch(':id')
  update(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(IdParam)) params: IdParams, @Body(new ZodValidationPipe(UpdateTemplateBody)) body: z.infer<typeof UpdateTemplateBody>): Promise<TemplateView> {
    return this.templates.update(caller.clientId, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(IdParam)) params: IdParams): Promise<void> {
    return this.templates.delete(caller.clientId, params.id);
  }

  @Post(':id/tasks')
  @HttpCode(201)
  async instantiate(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(IdParam)) params: IdParams,
    @Body(new ZodValidationPipe(InstantiateTemplateBody)) body: z.infer<typeof InstantiateTemplateBody>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskView> {
    await this.backpressure.assertAccepting();
    const operation = `POST /v1/task-templates/${params.id}/tasks`;
    const result = await this.idempotency.run(caller.clientId, operation, key, body, async (manager) => toTaskView(created(await this.templates.instantiate(manager, caller.clientId, params.id, body))));
    return replay(reply, result);
  }
}
