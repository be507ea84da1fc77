import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed reports: each agent's current public key, kept from agent-service's registered and
 * updated events (the newest event wins), and on each attempt the signature of the report that
 * ended it with the key that verified it.
 */
export class SignedReports1765000000000 implements MigrationInterface {
  readonly name = 'SignedReports1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE task.agent_keys (
        agent_id uuid PRIMARY KEY,
        public_key text,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query('ALTER TABLE task.task_attempts ADD COLUMN signature text, ADD COLUMN signature_public_key text, ADD COLUMN reported_retryable boolean');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE task.task_attempts DROP COLUMN signature, DROP COLUMN signature_public_key, DROP COLUMN reported_retryable');
    await queryRunner.query('DROP TABLE task.agent_keys');
  }
}
