import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CreateScheduleBody, UpdateScheduleBody } from '@ains/contracts';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { ProblemException } from '@ains/platform';
import { firstFireTime } from './firing.policy';
import { firedEvent } from './schedule.mapper';
import { Schedule } from './schedule.entity';
import { ScheduleRun } from './schedule-run.entity';
import { validatedCronSpec } from './schedule-spec.validator';
import { CLOCK, SCHEDULER_SETTINGS, type Clock, type SchedulerSettings } from './scheduler.settings';
import { SchedulesRepository, type PageKey } from './schedules.repository';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The schedules API: every operation acts on the caller's own schedules only. */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  create(clientId: string, body: CreateScheduleBody): Promise<Schedule> {
    const now = this.clock.now();
    const cron = validatedCronSpec({ expression: body.cron_expression, timeZone: body.time_zone }, this.settings.minIntervalSeconds, now);
    const schedule = Object.assign(new Schedule(), {
      id: randomUUID(),
      clientId,
      name: body.name,
      description: body.description ?? null,
      cronExpression: cron.expression,
      timeZone: cron.timeZone,
      task: body.task ?? null,
      templateId: body.template_id ?? null,
      overrides: body.template_id ? (body.overrides ?? {}) : null,
      active: body.active,
      startAt: body.start_at ? new Date(body.start_at) : null,
      endAt: body.end_at ? new Date(body.end_at) : null,
      maxRuns: body.max_runs ?? null,
      overlapPolicy: body.overlap_policy,
      misfirePolicy: body.misfire_policy,
      runCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    schedule.nextRunAt = this.nextRunFrom(schedule, now);
    return this.transactions.run((manager) => this.schedules.save(manager, schedule));
  }

  async get(clientId: string, id: string): Promise<Schedule> {
    const schedule = await this.schedules.findOwned(clientId, id);
    if (!schedule) throw ProblemException.notFound(`Schedule ${id}`);
    return schedule;
  }

  async list(clientId: string, limit: number, cursor?: string, templateId?: string): Promise<Page<Schedule>> {
    const schedules = await this.schedules.listPage(clientId, limit + 1, pageKeyOf(cursor), templateId);
    return pageOf(schedules, limit, (s) => [s.createdAt.toISOString(), s.id]);
  }

  async listRuns(clientId: string, scheduleId: string, limit: number, cursor?: string): Promise<Page<ScheduleRun>> {
    await this.get(clientId, scheduleId);
    const runs = await this.schedules.listRuns(clientId, scheduleId, limit + 1, pageKeyOf(cursor));
    return pageOf(runs, limit, (r) => [r.fireTime.toISOString(), r.id]);
  }

  /** Changing when it fires (cron, zone, window, max runs) recomputes the next fire time from now. */
  update(clientId: string, id: string, body: UpdateScheduleBody): Promise<Schedule> {
    return this.locked(clientId, id, async (schedule, now) => {
      if (body.cron_expression !== undefined || body.time_zone !== undefined) {
        const cron = validatedCronSpec({ expression: body.cron_expression ?? schedule.cronExpression, timeZone: body.time_zone ?? schedule.timeZone }, this.settings.minIntervalSeconds, now);
        schedule.cronExpression = cron.expression;
        schedule.timeZone = cron.timeZone;
      }
      if (body.name !== undefined) schedule.name = body.name;
      if (body.description !== undefined) schedule.description = body.description;
      if (body.task !== undefined) Object.assign(schedule, { task: body.task, templateId: null, overrides: null });
      if (body.template_id !== undefined) Object.assign(schedule, { task: null, templateId: body.template_id, overrides: body.overrides ?? {} });
      else if (body.overrides !== undefined) {
        if (!schedule.templateId) throw ProblemException.unprocessable('overrides only apply to a schedule that uses a template.', [{ field: 'overrides', message: 'only applies together with template_id' }]);
        schedule.overrides = body.overrides;
      }
      if (body.start_at !== undefined) schedule.startAt = body.start_at ? new Date(body.start_at) : null;
      if (body.end_at !== undefined) schedule.endAt = body.end_at ? new Date(body.end_at) : null;
      if (body.max_runs !== undefined) schedule.maxRuns = body.max_runs;
      if (body.overlap_policy !== undefined) schedule.overlapPolicy = body.overlap_policy;
      if (body.misfire_policy !== undefined) schedule.misfirePolicy = body.misfire_policy;
      if (schedule.startAt && schedule.endAt && schedule.endAt <= schedule.startAt) {
        throw ProblemException.unprocessable('end_at must be after start_at.', [{ field: 'end_at', message: 'must be after start_at' }]);
      }
      const timing = ['cron_expression', 'time_zone', 'start_at', 'end_at', 'max_runs'] as const;
      if (timing.some((field) => body[field] !== undefined)) schedule.nextRunAt = this.nextRunFrom(schedule, now);
    });
  }

  async delete(clientId: string, id: string): Promise<void> {
    if (!(await this.schedules.deleteOwned(clientId, id))) throw ProblemException.notFound(`Schedule ${id}`);
  }

  /** Stops firing; nothing is due while paused. Pausing a paused schedule changes nothing. */
  pause(clientId: string, id: string): Promise<Schedule> {
    return this.locked(clientId, id, async (schedule) => {
      schedule.active = false;
      schedule.nextRunAt = null;
    });
  }

  /** Fire times that passed while paused are not made up: the next one is computed from now. */
  resume(clientId: string, id: string): Promise<Schedule> {
    return this.locked(clientId, id, async (schedule, now) => {
      if (schedule.active) return;
      schedule.active = true;
      schedule.nextRunAt = this.nextRunFrom(schedule, now);
    });
  }

  /**
   * Fires once now, paused or not, whatever the overlap policy (the caller asked for it). The run
   * counts toward max_runs, which bounds the tasks a schedule creates however they are started.
   */
  trigger(clientId: string, id: string): Promise<ScheduleRun> {
    return this.transactions.run(async (manager) => {
      const schedule = await this.schedules.findOwnedForUpdate(manager, clientId, id);
      if (!schedule) throw ProblemException.notFound(`Schedule ${id}`);
      if (schedule.maxRuns !== null && schedule.runCount >= schedule.maxRuns) {
        throw ProblemException.conflict(`Schedule ${id} has used all of its ${schedule.maxRuns} run(s).`);
      }
      const now = this.clock.now();
      const run = Object.assign(new ScheduleRun(), {
        id: randomUUID(),
        scheduleId: schedule.id,
        clientId,
        fireTime: now,
        trigger: 'manual',
        status: 'fired',
        outcome: null,
        missedSince: null,
        taskId: null,
        failureReason: null,
        durationMs: null,
        firedAt: now,
        finishedAt: null,
      } satisfies ScheduleRun);
      if ((await this.schedules.insertRuns(manager, [run])).size === 0) throw ProblemException.conflict(`Schedule ${id} already has a run at ${now.toISOString()}; try again.`);
      await this.outbox.append(manager, firedEvent(schedule, run));
      schedule.runCount += 1;
      schedule.lastRunAt = now;
      if (schedule.maxRuns !== null && schedule.runCount >= schedule.maxRuns) schedule.nextRunAt = null;
      await this.schedules.save(manager, schedule);
      return run;
    });
  }

  /** Loads the caller's schedule locked, applies the change and saves it, in one transaction. */
  private locked(clientId: string, id: string, change: (schedule: Schedule, now: Date) => Promise<void>): Promise<Schedule> {
    return this.transactions.run(async (manager) => {
      const schedule = await this.schedules.findOwnedForUpdate(manager, clientId, id);
      if (!schedule) throw ProblemException.notFound(`Schedule ${id}`);
      const now = this.clock.now();
      await change(schedule, now);
      schedule.updatedAt = now;
      return this.schedules.save(manager, schedule);
    });
  }

  private nextRunFrom(schedule: Schedule, now: Date): Date | null {
    if (!schedule.active) return null;
    return firstFireTime({ expression: schedule.cronExpression, timeZone: schedule.timeZone }, now, schedule);
  }
}

function pageKeyOf(cursor: string | undefined): PageKey | undefined {
  if (!cursor) return undefined;
  const parts = decodeCursor(cursor, 2);
  if (!parts) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  return { at: String(parts[0]), id: String(parts[1]) };
}

function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => [string, string]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
