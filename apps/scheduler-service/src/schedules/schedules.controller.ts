import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CreateScheduleBody, PageQuery, ScheduleListQuery, UpdateScheduleBody, uuidParam, type Caller, type ScheduleRunView, type ScheduleView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import type { z } from 'zod';
import { toRunView, toScheduleView } from './schedule.mapper';
import { SchedulesService } from './schedules.service';

const ScheduleIdParam = uuidParam();
type ScheduleId = z.infer<typeof ScheduleIdParam>;
type Page<T> = { data: T[]; next_cursor: string | null };

@Controller('v1/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post()
  @HttpCode(201)
  async create(@CurrentCaller() caller: Caller, @Body(new ZodValidationPipe(CreateScheduleBody)) body: z.infer<typeof CreateScheduleBody>): Promise<ScheduleView> {
    return toScheduleView(await this.schedules.create(caller.clientId, body));
  }

  @Get()
  async list(@CurrentCaller() caller: Caller, @Query(new ZodValidationPipe(ScheduleListQuery)) query: ScheduleListQuery): Promise<Page<ScheduleView>> {
    const page = await this.schedules.list(caller.clientId, query.limit, query.cursor, query.template_id);
    return { data: page.items.map(toScheduleView), next_cursor: page.nextCursor };
  }

  @Get(':id')
  async get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId): Promise<ScheduleView> {
    return toScheduleView(await this.schedules.get(caller.clientId, params.id));
  }

  @Patch(':id')
  async update(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId,
    @Body(new ZodValidationPipe(UpdateScheduleBody)) body: z.infer<typeof UpdateScheduleBody>,
  ): Promise<ScheduleView> {
    return toScheduleView(await this.schedules.update(caller.clientId, params.id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId): Promise<void> {
    await this.schedules.delete(caller.clientId, params.id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  async pause(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId): Promise<ScheduleView> {
    return toScheduleView(await this.schedules.pause(caller.clientId, params.id));
  }

  @Post(':id/resume')
  @HttpCode(200)
  async resume(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId): Promise<ScheduleView> {
    return toScheduleView(await this.schedules.resume(caller.clientId, params.id));
  }

  @Post(':id/trigger')
  @HttpCode(201)
  async trigger(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId): Promise<ScheduleRunView> {
    return toRunView(await this.schedules.trigger(caller.clientId, params.id));
  }

  @Get(':id/runs')
  async runs(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(ScheduleIdParam)) params: ScheduleId,
    @Query(new ZodValidationPipe(PageQuery)) query: z.infer<typeof PageQuery>,
  ): Promise<Page<ScheduleRunView>> {
    const page = await this.schedules.listRuns(caller.clientId, params.id, query.limit, query.cursor);
    return { data: page.items.map(toRunView), next_cursor: page.nextCursor };
  }
}
