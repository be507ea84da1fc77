import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What scoring from task outcomes needs: the bonus window and outcome counters on the score row,
 * provenance on the audit trail (source event, overriding key), and the agents' tags for the
 * leaderboard (a read model fed by agent events).
 */
export class TrustScoring1764200000000 implements MigrationInterface {
  readonly name = 'TrustScoring1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE trust.trust_scores
        ADD COLUMN recent_outcomes text NOT NULL DEFAULT '' CHECK (recent_outcomes ~ '^[01]{0,100}$'),
        ADD COLUMN tasks_completed integer NOT NULL DEFAULT 0,
        ADD COLUMN tasks_failed integer NOT NULL DEFAULT 0,
        ADD COLUMN tasks_timed_out integer NOT NULL DEFAULT 0`);
    await queryRunner.query('CREATE INDEX trust_scores_rank_idx ON trust.trust_scores (score_bp DESC, agent_id)');
    // Records are written under the score row's lock; the statement clock (not the transaction
    // start) makes their times follow the order in which changes were applied.
    await queryRunner.query(`
      ALTER TABLE trust.trust_records
        ADD COLUMN source_event_id uuid,
        ADD COLUMN actor_client_id text,
        ADD COLUMN actor_key_id text,
        ALTER COLUMN created_at SET DEFAULT clock_timestamp()`);
    // History pages go by id: for one agent, ids and times grow together (both taken under the lock).
    await queryRunner.query('CREATE INDEX trust_records_agent_page_idx ON trust.trust_records (agent_id, id DESC)');
    await queryRunner.query(`
      CREATE TABLE trust.agent_profiles (
        agent_id uuid PRIMARY KEY,
        display_name text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX agent_profiles_tags_idx ON trust.agent_profiles USING gin (tags)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE trust.agent_profiles');
    await queryRunner.query('DROP INDEX trust.trust_records_agent_page_idx');
    await queryRunner.query(`
      ALTER TABLE trust.trust_records
        DROP COLUMN source_event_id, DROP COLUMN actor_client_id, DROP COLUMN actor_key_id,
        ALTER COLUMN created_at SET DEFAULT now()`);
    await queryRunner.query('DROP INDEX trust.trust_scores_rank_idx');
    await queryRunner.query(`
      ALTER TABLE trust.trust_scores
        DROP COLUMN recent_outcomes, DROP COLUMN tasks_completed, DROP COLUMN tasks_failed, DROP COLUMN tasks_timed_out`);
  }
}
