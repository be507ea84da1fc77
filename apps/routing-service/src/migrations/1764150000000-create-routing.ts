import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRouting1764150000000 implements MigrationInterface {
  readonly name = 'CreateRouting1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The read model of the fleet, built only from agent and task events. `active_count` counts
    // this service's decisions whose task has not finished; a slot is reserved by a conditional
    // increment, so it never passes max_concurrency through a decision.
    await queryRunner.query(`
      CREATE TABLE routing.agents (
        agent_id uuid PRIMARY KEY,
        tags text[] NOT NULL,
        capabilities jsonb NOT NULL,
        max_concurrency integer NOT NULL CHECK (max_concurrency > 0),
        status text NOT NULL,
        active_count integer NOT NULL DEFAULT 0 CHECK (active_count >= 0),
        last_assigned_seq bigint,
        avg_completion_ms double precision,
        updated_at timestamptz NOT NULL
      )`);
    // Orders assignments across replicas, for round robin (a timestamp would tie within one round).
    await queryRunner.query('CREATE SEQUENCE routing.assignment_seq');
    // Trust arrives on its own topic, possibly before the agent's registration: a table of its own.
    await queryRunner.query(`
      CREATE TABLE routing.agent_trust (
        agent_id uuid PRIMARY KEY,
        score_bp integer NOT NULL CHECK (score_bp BETWEEN 0 AND 10000),
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE routing.queue (
        task_id uuid PRIMARY KEY,
        attempt integer NOT NULL,
        client_id text NOT NULL,
        task_type text NOT NULL,
        priority integer NOT NULL,
        effective_priority integer NOT NULL CHECK (effective_priority BETWEEN 1 AND 10),
        requirements jsonb NOT NULL,
        excluded_agent_ids uuid[] NOT NULL,
        queued_at timestamptz NOT NULL
      )`);
    // Each priority level is read head-first in FIFO order.
    await queryRunner.query('CREATE INDEX queue_dispatch_order_idx ON routing.queue (effective_priority, queued_at, task_id)');
    // One decision per task attempt, whatever the number of replicas.
    await queryRunner.query(`
      CREATE TABLE routing.decisions (
        task_id uuid NOT NULL,
        attempt integer NOT NULL,
        agent_id uuid NOT NULL,
        client_id text NOT NULL,
        strategy text NOT NULL,
        candidate_count integer NOT NULL,
        queued_at timestamptz NOT NULL,
        decided_at timestamptz NOT NULL,
        -- task-service applied it (ains.task.assigned.v1)
        confirmed_at timestamptz,
        released_at timestamptz,
        -- released because task-service never confirmed it in time
        expired boolean NOT NULL DEFAULT false,
        PRIMARY KEY (task_id, attempt)
      )`);
    await queryRunner.query('CREATE INDEX decisions_in_flight_idx ON routing.decisions (agent_id) WHERE released_at IS NULL');
    await queryRunner.query('CREATE INDEX decisions_unconfirmed_idx ON routing.decisions (decided_at) WHERE released_at IS NULL AND confirmed_at IS NULL');
    await queryRunner.query('CREATE INDEX decisions_released_idx ON routing.decisions (released_at) WHERE released_at IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE routing.policies (
        client_id text NOT NULL,
        task_type text NOT NULL,
        strategy text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, task_type)
      )`);
    // A single row: whether backpressure is engaged, so replicas publish each transition once.
    await queryRunner.query(`
      CREATE TABLE routing.backpressure (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        engaged boolean NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query('INSERT INTO routing.backpressure (engaged, changed_at) VALUES (false, now())');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['backpressure', 'policies', 'decisions', 'queue', 'agent_trust', 'agents']) {
      await queryRunner.query(`DROP TABLE routing.${table}`);
    }
    await queryRunner.query('DROP SEQUENCE routing.assignment_seq');
  }
}
