import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RunOutcome } from '@ains/contracts';

export type RunTrigger = 'schedule' | 'manual';
/**
 * fired: event in the outbox, task not seen yet; running: its task exists; skipped: not fired
 * (overlap); failed also when the task could not be created (outcome `task_not_created`).
 */
export type RunStatus = 'fired' | 'running' | 'completed' | 'failed' | 'skipped';

@Entity({ schema: 'scheduler', name: 'schedule_runs' })
export class ScheduleRun {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ name: 'fire_time', type: 'timestamptz' })
  fireTime!: Date;

  @Column({ type: 'text' })
  trigger!: RunTrigger;

  @Column({ type: 'text' })
  status!: RunStatus;

  @Column({ type: 'text', nullable: true })
  outcome!: RunOutcome | null;

  @Column({ name: 'missed_since', type: 'timestamptz', nullable: true })
  missedSince!: Date | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  /** Why the run failed without a task; null otherwise. */
  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
