import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RunOutcome } from '@ains/contracts';
import type { MisfirePolicy, OverlapPolicy } from './firing.policy';

@Entity({ schema: 'scheduler', name: 'schedules' })
export class Schedule {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'cron_expression', type: 'text' })
  cronExpression!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** The inline task definition (body of POST /v1/tasks); null when a template is used. */
  @Column({ type: 'jsonb', nullable: true })
  task!: Record<string, unknown> | null;

  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  overrides!: Record<string, unknown> | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'start_at', type: 'timestamptz', nullable: true })
  startAt!: Date | null;

  @Column({ name: 'end_at', type: 'timestamptz', nullable: true })
  endAt!: Date | null;

  @Column({ name: 'max_runs', type: 'integer', nullable: true })
  maxRuns!: number | null;

  @Column({ name: 'overlap_policy', type: 'text' })
  overlapPolicy!: OverlapPolicy;

  @Column({ name: 'misfire_policy', type: 'text' })
  misfirePolicy!: MisfirePolicy;

  /** Null once exhausted (end_at passed, max_runs reached). */
  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt!: Date | null;

  @Column({ name: 'run_count', type: 'integer', default: 0 })
  runCount!: number;

  @Column({ name: 'success_count', type: 'integer', default: 0 })
  successCount!: number;

  @Column({ name: 'failure_count', type: 'integer', default: 0 })
  failureCount!: number;

  @Column({ name: 'skipped_count', type: 'integer', default: 0 })
  skippedCount!: number;

  /** Sum of the completed runs' task durations; bigint comes back from pg as a string. */
  @Column({ name: 'total_duration_ms', type: 'bigint', default: 0 })
  totalDurationMs!: string;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_outcome', type: 'text', nullable: true })
  lastOutcome!: RunOutcome | null;

  /** Set by the service in milliseconds, like the keyset cursors that page by it. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The last change through the API; firing and run statistics do not touch it. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
