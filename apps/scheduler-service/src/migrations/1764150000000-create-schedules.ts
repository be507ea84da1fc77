import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchedules1764150000000 implements MigrationInterface {
  readonly name = 'CreateSchedules1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scheduler.schedules (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        name text NOT NULL,
        description text,
        cron_expression text NOT NULL,
        time_zone text NOT NULL,
        task jsonb,
        template_id uuid,
        overrides jsonb,
        active boolean NOT NULL,
        start_at timestamptz,
        end_at timestamptz,
        max_runs integer CHECK (max_runs > 0),
        overlap_policy text NOT NULL CHECK (overlap_policy IN ('allow', 'skip')),
        misfire_policy text NOT NULL CHECK (misfire_policy IN ('fire_once', 'skip')),
        next_run_at timestamptz,
        run_count integer NOT NULL DEFAULT 0,
        success_count integer NOT NULL DEFAULT 0,
        failure_count integer NOT NULL DEFAULT 0,
        skipped_count integer NOT NULL DEFAULT 0,
        total_duration_ms bigint NOT NULL DEFAULT 0,
        last_run_at timestamptz,
        last_outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((task IS NULL) <> (template_id IS NULL))
      )`);
    // The seed's filtered index: the firing loop reads only active schedules by next_run_at.
    await queryRunner.query('CREATE INDEX idx_scheduled_active_next_run ON scheduler.schedules (next_run_at) WHERE active = true');
    await queryRunner.query('CREATE INDEX schedules_client_created_idx ON scheduler.schedules (client_id, created_at DESC, id DESC)');
    await queryRunner.query(`
      CREATE TABLE scheduler.schedule_runs (
        id uuid PRIMARY KEY,
        schedule_id uuid NOT NULL REFERENCES scheduler.schedules (id) ON DELETE CASCADE,
        client_id text NOT NULL,
        fire_time timestamptz NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        status text NOT NULL CHECK (status IN ('fired', 'running', 'completed', 'failed', 'skipped')),
        outcome text,
        missed_since timestamptz,
        task_id uuid,
        duration_ms integer,
        fired_at timestamptz NOT NULL,
        finished_at timestamptz,
        -- Exactly once: one run per (schedule, intended fire time), whatever the number of replicas.
        CONSTRAINT schedule_runs_fire_time_key UNIQUE (schedule_id, fire_time)
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX schedule_runs_task_id_key ON scheduler.schedule_runs (task_id) WHERE task_id IS NOT NULL');
    await queryRunner.query("CREATE INDEX schedule_runs_open_idx ON scheduler.schedule_runs (schedule_id, fire_time) WHERE status IN ('fired', 'running')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE scheduler.schedule_runs');
    await queryRunner.query('DROP TABLE scheduler.schedules');
  }
}
