import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTrust1764140000000 implements MigrationInterface {
  readonly name = 'CreateTrust1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trust.trust_scores (
        agent_id uuid PRIMARY KEY,
        score_bp integer NOT NULL CHECK (score_bp BETWEEN 0 AND 10000),
        tier text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE trust.trust_records (
        id bigserial PRIMARY KEY,
        agent_id uuid NOT NULL,
        event_type text NOT NULL,
        task_id uuid,
        delta_bp integer NOT NULL,
        score_before_bp integer,
        score_after_bp integer NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX trust_records_agent_created_idx ON trust.trust_records (agent_id, created_at DESC)');
    // The audit trail is append-only: the database itself refuses to change or remove a record.
    await queryRunner.query(`
      CREATE FUNCTION trust.refuse_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'trust_records is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trust_records_append_only BEFORE UPDATE OR DELETE ON trust.trust_records
      FOR EACH ROW EXECUTE FUNCTION trust.refuse_record_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE trust.trust_records');
    await queryRunner.query('DROP FUNCTION trust.refuse_record_change');
    await queryRunner.query('DROP TABLE trust.trust_scores');
  }
}
