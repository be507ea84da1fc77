import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Schedule } from './schedule.entity';
import { ScheduleRun } from './schedule-run.entity';

/** What the pg driver answers to UPDATE ... RETURNING through EntityManager.query: the rows and the count. */
type UpdateResult<Row> = [Row[], number];

/** What one firing round changes on one schedule. */
export interface ScheduleAdvance {
  scheduleId: string;
  nextRunAt: Date | null;
  fired: number;
  skipped: number;
  lastRunAt: Date | null;
}

/** The sort key of the last row of a page: newest first by `at`, then id. */
export interface PageKey {
  at: string;
  id: string;
}

/**
 * Every query about schedules a client sees takes the client id: another tenant's schedule is
 * simply not found. The firing loop and the task-event consumer work across tenants by design.
 */
@Injectable()
export class SchedulesRepository {
  constructor(
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    @InjectRepository(ScheduleRun) private readonly runs: Repository<ScheduleRun>,
  ) {}

  save(manager: EntityManager, schedule: Schedule): Promise<Schedule> {
    return manager.getRepository(Schedule).save(schedule);
  }

  findOwned(clientId: string, id: string): Promise<Schedule | null> {
    return this.schedules.findOneBy({ clientId, id });
  }

  /** Locks the schedule row for the rest of the transaction (against the firing loop and other writers). */
  findOwnedForUpdate(manager: EntityManager, clientId: string, id: string): Promise<Schedule | null> {
    return manager.getRepository(Schedule).createQueryBuilder('s').where('s.clientId = :clientId AND s.id = :id', { clientId, id }).setLock('pessimistic_write').getOne();
  }

  async deleteOwned(clientId: string, id: string): Promise<boolean> {
    const result = await this.schedules.delete({ clientId, id });
    return (result.affected ?? 0) > 0;
  }

  listPage(clientId: string, limit: number, after?: PageKey, templateId?: string): Promise<Schedule[]> {
    const query = this.schedules.createQueryBuilder('s').where('s.clientId = :clientId', { clientId }).orderBy('s.createdAt', 'DESC').addOrderBy('s.id', 'DESC').take(limit);
    if (templateId) query.andWhere('s.templateId = :templateId', { templateId });
    if (after) query.andWhere('(s.createdAt, s.id) < (:at, :id)', after);
    return query.getMany();
  }

  /** Latest fire time first. */
  listRuns(clientId: string, scheduleId: string, limit: number, after?: PageKey): Promise<ScheduleRun[]> {
    const query = this.runs
      .createQueryBuilder('r')
      .where('r.clientId = :clientId AND r.scheduleId = :scheduleId', { clientId, scheduleId })
      .orderBy('r.fireTime', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit);
    if (after) query.andWhere('(r.fireTime, r.id) < (:at, :id)', after);
    return query.getMany();
  }

  /**
   * Claims due schedules for this transaction: rows another replica holds are skipped, not waited
   * for, so replicas share the work and never fire one schedule concurrently.
   */
  claimDue(manager: EntityManager, now: Date, limit: number): Promise<Schedule[]> {
    return manager
      .getRepository(Schedule)
      .createQueryBuilder('s')
      .where('s.active = true AND s.nextRunAt <= :now', { now })
      .orderBy('s.nextRunAt', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** The earliest next_run_at of any active schedule (the filtered index answers it). */
  async earliestNextRun(): Promise<Date | null> {
    const [row] = (await this.schedules.query('SELECT min(next_run_at) AS next FROM scheduler.schedules WHERE active = true')) as { next: Date | null }[];
    return row?.next ?? null;
  }

  /** Of the given schedules, those with a run whose task has not finished yet. */
  async withOpenRuns(manager: EntityManager, scheduleIds: string[]): Promise<Set<string>> {
    if (scheduleIds.length === 0) return new Set();
    const rows = (await manager.query("SELECT DISTINCT schedule_id FROM scheduler.schedule_runs WHERE schedule_id = ANY($1) AND status IN ('fired', 'running')", [scheduleIds])) as {
      schedule_id: string;
    }[];
    return new Set(rows.map((row) => row.schedule_id));
  }

  /**
   * Records runs, each unless one exists for its (schedule, fire time): the unique key is what makes
   * a fire time produce one run and one event, whatever happens around it. Returns the ids inserted.
   */
  async insertRuns(manager: EntityManager, runs: ScheduleRun[]): Promise<Set<string>> {
    if (runs.length === 0) return new Set();
    const column = <K extends keyof ScheduleRun>(key: K) => runs.map((run) => run[key]);
    const inserted = (await manager.query(
      `INSERT INTO scheduler.schedule_runs (id, schedule_id, client_id, fire_time, trigger, status, missed_since, fired_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       ON CONFLICT (schedule_id, fire_time) DO NOTHING RETURNING id`,
      [column('id'), column('scheduleId'), column('clientId'), column('fireTime'), column('trigger'), column('status'), column('missedSince'), column('firedAt')],
    )) as { id: string }[];
    return new Set(inserted.map((row) => row.id));
  }

  /** Moves fired schedules on, all in one statement: next fire time, run and skip counts, last run. */
  async advance(manager: EntityManager, changes: ScheduleAdvance[]): Promise<void> {
    if (changes.length === 0) return;
    const column = <K extends keyof ScheduleAdvance>(key: K) => changes.map((change) => change[key]);
    await manager.query(
      `UPDATE scheduler.schedules s
       SET next_run_at = u.next_run_at, run_count = s.run_count + u.fired, skipped_count = s.skipped_count + u.skipped, last_run_at = coalesce(u.last_run_at, s.last_run_at)
       FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::timestamptz[]) AS u(id, next_run_at, fired, skipped, last_run_at)
       WHERE s.id = u.id`,
      [column('scheduleId'), column('nextRunAt'), column('fired'), column('skipped'), column('lastRunAt')],
    );
  }

  /**
   * Gives a created task to the run it came from: the run of the task's fire time, or, for events
   * that do not carry one, the oldest fired run of the schedule (of the task's own client) still
   * waiting for its task, since task-service creates them in fire order. A task already linked is
   * not linked again. Null when no run was waiting.
   */
  async linkTask(manager: EntityManager, task: { scheduleId: string; clientId: string; taskId: string; fireTime: string | null }): Promise<string | null> {
    const rows = (await manager.query(
      `UPDATE scheduler.schedule_runs SET task_id = $3, status = 'running'
       WHERE id = (
         SELECT id FROM scheduler.schedule_runs
         WHERE schedule_id = $1 AND client_id = $2 AND status = 'fired' AND task_id IS NULL
           AND ($4::timestamptz IS NULL OR fire_time = $4::timestamptz)
         ORDER BY fire_time LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND NOT EXISTS (SELECT 1 FROM scheduler.schedule_runs WHERE task_id = $3)
       RETURNING id`,
      [task.scheduleId, task.clientId, task.taskId, task.fireTime],
    )) as UpdateResult<{ id: string }>;
    return rows[0][0]?.id ?? null;
  }

  /** Ends the run of this task, once: later terminal events of the same task find it finished. */
  async finishRun(manager: EntityManager, taskId: string, finish: Pick<ScheduleRun, 'status' | 'outcome' | 'durationMs' | 'finishedAt'>): Promise<ScheduleRun | null> {
    const rows = (await manager.query(
      `UPDATE scheduler.schedule_runs SET status = $2, outcome = $3, duration_ms = $4, finished_at = $5
       WHERE task_id = $1 AND status = 'running'
       RETURNING schedule_id`,
      [taskId, finish.status, finish.outcome, finish.durationMs, finish.finishedAt],
    )) as UpdateResult<{ schedule_id: string }>;
    const scheduleId = rows[0][0]?.schedule_id;
    return scheduleId ? Object.assign(new ScheduleRun(), { ...finish, scheduleId, taskId }) : null;
  }

  /**
   * Ends a run whose task could not be created, once: only a run still waiting for its task
   * (`fired`) changes, so a redelivered rejection, or one for a run that found its task after all,
   * changes nothing. Returns the run as it now is, or null.
   */
  async failRunWithoutTask(manager: EntityManager, run: { runId: string; clientId: string; reason: string; at: Date }): Promise<ScheduleRun | null> {
    const rows = (await manager.query(
      `UPDATE scheduler.schedule_runs SET status = 'failed', outcome = 'task_not_created', failure_reason = $3, finished_at = $4
       WHERE id = $1 AND client_id = $2 AND status = 'fired'
       RETURNING schedule_id, fire_time`,
      [run.runId, run.clientId, run.reason, run.at],
    )) as UpdateResult<{ schedule_id: string; fire_time: Date }>;
    const row = rows[0][0];
    if (!row) return null;
    return Object.assign(new ScheduleRun(), {
      id: run.runId,
      scheduleId: row.schedule_id,
      clientId: run.clientId,
      fireTime: row.fire_time,
      status: 'failed',
      outcome: 'task_not_created',
      failureReason: run.reason,
      durationMs: null,
      finishedAt: run.at,
    });
  }

  async recordOutcome(manager: EntityManager, scheduleId: string, run: Pick<ScheduleRun, 'outcome' | 'durationMs'>): Promise<void> {
    const success = run.outcome === 'completed';
    await manager.query(
      `UPDATE scheduler.schedules
       SET success_count = success_count + $2, failure_count = failure_count + $3, total_duration_ms = total_duration_ms + $4, last_outcome = $5
       WHERE id = $1`,
      [scheduleId, success ? 1 : 0, success ? 0 : 1, success ? (run.durationMs ?? 0) : 0, run.outcome],
    );
  }
}
