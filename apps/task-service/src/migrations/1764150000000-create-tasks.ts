import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTasks1764150000000 implements MigrationInterface {
  readonly name = 'CreateTasks1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE task.task_templates (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        task_type text NOT NULL,
        defaults jsonb NOT NULL DEFAULT '{}',
        times_used integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX task_templates_client_created_idx ON task.task_templates (client_id, created_at DESC, id DESC)');

    await queryRunner.query(`
      CREATE TABLE task.task_chains (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        failure_policy text NOT NULL,
        steps jsonb NOT NULL,
        current_step integer NOT NULL DEFAULT 0,
        labels jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX task_chains_client_idx ON task.task_chains (client_id, id)');

    await queryRunner.query(`
      CREATE TABLE task.tasks (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        task_type text NOT NULL,
        status text NOT NULL,
        status_reason text,
        priority smallint NOT NULL CHECK (priority BETWEEN 1 AND 10),
        effective_priority smallint NOT NULL CHECK (effective_priority BETWEEN 1 AND 10),
        input jsonb NOT NULL,
        depends_on uuid[] NOT NULL DEFAULT '{}',
        routing jsonb NOT NULL,
        timeout_seconds integer NOT NULL,
        retry_policy jsonb NOT NULL,
        labels jsonb NOT NULL DEFAULT '{}',
        metadata jsonb NOT NULL DEFAULT '{}',
        chain_id uuid REFERENCES task.task_chains (id),
        chain_step integer,
        template_id uuid,
        schedule_id uuid,
        schedule_fire_time timestamptz,
        attempt integer NOT NULL DEFAULT 0,
        failures integer NOT NULL DEFAULT 0,
        excluded_agent_ids uuid[] NOT NULL DEFAULT '{}',
        assigned_agent_id uuid,
        claimed_at timestamptz,
        lease_expires_at timestamptz,
        deadline_at timestamptz,
        retry_at timestamptz,
        progress jsonb,
        result jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        assigned_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        UNIQUE (schedule_id, schedule_fire_time)
      )`);
    await queryRunner.query('CREATE INDEX tasks_client_created_idx ON task.tasks (client_id, created_at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX tasks_status_priority_idx ON task.tasks (status, effective_priority DESC, created_at)');
    await queryRunner.query('CREATE INDEX tasks_depends_on_idx ON task.tasks USING gin (depends_on)');
    await queryRunner.query('CREATE INDEX tasks_agent_active_idx ON task.tasks (assigned_agent_id) WHERE status IN (\'assigned\', \'running\')');
    await queryRunner.query('CREATE INDEX tasks_chain_idx ON task.tasks (chain_id, chain_step) WHERE chain_id IS NOT NULL');
    // Timers: each partial index holds only the rows that can become due.
    await queryRunner.query('CREATE INDEX tasks_lease_due_idx ON task.tasks (lease_expires_at) WHERE status IN (\'assigned\', \'running\')');
    await queryRunner.query('CREATE INDEX tasks_deadline_due_idx ON task.tasks (deadline_at) WHERE status = \'running\'');
    await queryRunner.query('CREATE INDEX tasks_retry_due_idx ON task.tasks (retry_at) WHERE status IN (\'failed\', \'timed_out\') AND retry_at IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE task.task_attempts (
        task_id uuid NOT NULL REFERENCES task.tasks (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        agent_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL,
        started_at timestamptz,
        ended_at timestamptz,
        outcome text,
        error text,
        PRIMARY KEY (task_id, attempt)
      )`);

    await queryRunner.query(`
      CREATE TABLE task.rejected_reports (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task.tasks (id) ON DELETE CASCADE,
        agent_id uuid NOT NULL,
        report text NOT NULL,
        reason text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX rejected_reports_task_idx ON task.rejected_reports (task_id)');

    await queryRunner.query(`
      CREATE TABLE task.idempotency_keys (
        client_id text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, operation, key)
      )`);
    await queryRunner.query('CREATE INDEX idempotency_keys_created_idx ON task.idempotency_keys (created_at)');

    // One row: routing-service's latest backpressure signal, shared by every replica.
    await queryRunner.query(`
      CREATE TABLE task.backpressure (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        engaged boolean NOT NULL,
        retry_after_seconds integer NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['backpressure', 'idempotency_keys', 'rejected_reports', 'task_attempts', 'tasks', 'task_chains', 'task_templates']) {
      await queryRunner.query(`DROP TABLE task.${table}`);
    }
  }
}
