import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivenessAndLoad1764150000000 implements MigrationInterface {
  readonly name = 'LivenessAndLoad1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `draining` survives going offline, so an agent drained before it went away comes back draining.
    await queryRunner.query(`
      ALTER TABLE agent.agents
        ADD COLUMN last_heartbeat_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN draining boolean NOT NULL DEFAULT false`);
    await queryRunner.query("CREATE INDEX agents_liveness_idx ON agent.agents (last_heartbeat_at) WHERE status IN ('online', 'draining')");
    await queryRunner.query('CREATE INDEX agents_capabilities_idx ON agent.agents USING gin (capabilities jsonb_path_ops)');
    await queryRunner.query(`
      CREATE TABLE agent.agent_metrics (
        agent_id uuid PRIMARY KEY,
        active_tasks integer NOT NULL DEFAULT 0 CHECK (active_tasks >= 0),
        completed integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        timed_out integer NOT NULL DEFAULT 0,
        avg_completion_ms double precision,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The tasks each agent holds now; active_tasks moves only when a row here comes or goes.
    await queryRunner.query(`
      CREATE TABLE agent.agent_assignments (
        task_id uuid PRIMARY KEY,
        attempt integer NOT NULL,
        agent_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL
      )`);
    // The trust scores trust-service publishes, for the `min_trust` filter of the agent list.
    await queryRunner.query(`
      CREATE TABLE agent.agent_trust (
        agent_id uuid PRIMARY KEY,
        score_bp integer NOT NULL CHECK (score_bp BETWEEN 0 AND 10000),
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agent.agent_trust');
    await queryRunner.query('DROP TABLE agent.agent_assignments');
    await queryRunner.query('DROP TABLE agent.agent_metrics');
    await queryRunner.query('DROP INDEX agent.agents_capabilities_idx');
    await queryRunner.query('DROP INDEX agent.agents_liveness_idx');
    await queryRunner.query('ALTER TABLE agent.agents DROP COLUMN draining, DROP COLUMN last_heartbeat_at');
  }
}
