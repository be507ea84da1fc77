import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AssignmentStreamQuery, ClaimBody, CompleteTaskBody, FailTaskBody, ProgressBody, ReportBatchBody, StartTaskBody, uuidParam, type Caller, type ReportResultView, type TaskView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import { ReportSignatures } from '../signatures/report-signatures';
import { AssignmentStreams } from './assignment-streams.service';
import { ReportBatchService } from './report-batch.service';
import { WorkService, forbidden } from './work.service';

const AgentIdParam = uuidParam('agentId');
const TaskIdParam = uuidParam();
type TaskIdParams = z.infer<typeof TaskIdParam>;

/** The agent work protocol; the gateway admits only `agent:work` keys bound to an agent. */
@Controller('v1')
export class WorkController {
  constructor(
    private readonly work: WorkService,
    private readonly lifecycle: TaskLifecycle,
    private readonly batches: ReportBatchService,
    private readonly signatures: ReportSignatures,
    private readonly streams: AssignmentStreams,
  ) {}

  @Post('agents/:agentId/claim')
  @HttpCode(200)
  async claim(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: z.infer<typeof AgentIdParam>, @Body(new ZodValidationPipe(ClaimBody)) body: z.infer<typeof ClaimBody>): Promise<{ data: TaskView[] }> {
    return { data: await this.work.claim(caller, params.agentId, body) };
  }

  /** Server-sent events that stay open; see AssignmentStreams. */
  @Get('agents/:agentId/assignments')
  async assignments(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: z.infer<typeof AgentIdParam>, @Query(new ZodValidationPipe(AssignmentStreamQuery)) query: AssignmentStreamQuery, @Res() reply: FastifyReply): Promise<void> {
    if (caller.agentId !== params.agentId) throw forbidden('This key does not act as that agent.');
    await this.streams.serve(params.agentId, query.slots, reply);
  }

  @Post('agents/:agentId/reports')
  @HttpCode(200)
  async reports(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(AgentIdParam)) params: z.infer<typeof AgentIdParam>, @Body(new ZodValidationPipe(ReportBatchBody)) body: ReportBatchBody): Promise<{ data: ReportResultView[] }> {
    return { data: await this.batches.report(caller, params.agentId, body.reports) };
  }

  @Post('tasks/:id/start')
  @HttpCode(200)
  start(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams, @Body(new ZodValidationPipe(StartTaskBody)) _body: unknown): Promise<TaskView> {
    return this.work.report(caller, params.id, 'start', (manager, task) => this.lifecycle.start(manager, task));
  }

  @Post('tasks/:id/progress')
  @HttpCode(200)
  progress(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams, @Body(new ZodValidationPipe(ProgressBody)) body: z.infer<typeof ProgressBody>): Promise<TaskView> {
    return this.work.report(caller, params.id, 'progress', (manager, task) => this.lifecycle.progress(manager, task, body.progress));
  }

  @Post('tasks/:id/complete')
  @HttpCode(200)
  complete(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams, @Body(new ZodValidationPipe(CompleteTaskBody)) body: z.infer<typeof CompleteTaskBody>): Promise<TaskView> {
    return this.work.report(caller, params.id, 'complete', async (manager, task) => {
      const signed = await this.signatures.check(manager, task, caller.agentId as string, { type: 'complete', ...body });
      return this.lifecycle.complete(manager, task, body.result, signed);
    });
  }

  @Post('tasks/:id/fail')
  @HttpCode(200)
  fail(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(TaskIdParam)) params: TaskIdParams, @Body(new ZodValidationPipe(FailTaskBody)) body: z.infer<typeof FailTaskBody>): Promise<TaskView> {
    return this.work.report(caller, params.id, 'fail', async (manager, task) => {
      const signed = await this.signatures.check(manager, task, caller.agentId as string, { type: 'fail', ...body });
      return this.lifecycle.fail(manager, task, body.error, body.retryable, signed);
    });
  }
}
