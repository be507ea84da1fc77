import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CancelTaskBody, CreateTaskBatchBody, CreateTaskBody, TaskListQuery, uuidParam, type Caller, type TaskDetailView, type TaskView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import { Backpressure } from '../events/backpressure.service';
import { IdempotencyService, type IdempotentResult } from '../idempotency/idempotency.service';
import { TasksService } from './tasks.service';

const TaskIdParam = uuidParam();
type TaskIdParams = z.infer<typeof TaskIdParam>;

@Controller('v1/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly idempotency: IdempotencyService,
    private readonly backpressure: Backpressure,
  ) {}

  @Post()
  @HttpCode(201)
  async create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateTaskBody)) body: z.infer<typeof CreateTaskBody>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskView> {
    await this.backpressure.assertAccepting();
    const result = await this.idempotency.run(caller.clientId, 'POST /v1/tasks', key, body, (manager) => this.tasks.createForClient(manager, caller.clientId, body));
    return replay(reply, result);
  }

  @Post('batch')
  @HttpCode(201)
  async createBatch(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateTaskBatchBody)) body: z.infer<typeof CreateTaskBatchBody>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: TaskView[] }> {
    await this.backpressure.assertAccepting();
    const result = await this.idempotency.run(caller.clientId, 'POST /v1/tasks/batch', key, body, async (manager) => ({ data: await this.tasks.createBatch(manager, caller.clientId, body) }));
    return replay(reply, result);
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @Query(new ZodValidationPipe(TaskListQuery)) query: z.infer<typeof TaskListQuery>): Promise<{ data: TaskView[]; next_cursor: string | null }> {
    return this.tasks.list(caller.clientId, query);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams): Promise<TaskDetailView> {
    return this.tasks.get(caller.clientId, params.id, caller.scopes.includes('agents:read') || caller.scopes.includes('admin'));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams, @Body(new ZodValidationPipe(CancelTaskBody)) body: z.infer<typeof CancelTaskBody>): Promise<TaskView> {
    return this.tasks.cancel(caller.clientId, params.id, body.reason);
  }

  @Post(':id/retry')
  @HttpCode(200)
  retry(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams): Promise<TaskView> {
    return this.tasks.retry(caller.clientId, params.id);
  }
}

/** Marks a replayed idempotent response, so a client can tell it did not create anything new. */
export function replay<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotency-replayed', 'true');
  return result.response;
}
