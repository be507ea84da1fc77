import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1764150000000 implements MigrationInterface {
  readonly name = 'CreateApiKeys1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.api_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        client_id text NOT NULL,
        scopes text[] NOT NULL,
        agent_id uuid,
        rate_limit_per_minute integer NOT NULL CHECK (rate_limit_per_minute > 0),
        burst_per_second integer CHECK (burst_per_second > 0),
        key_salt text NOT NULL,
        key_hash text NOT NULL,
        previous_key_salt text,
        previous_key_hash text,
        previous_valid_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        expires_at timestamptz,
        last_used_at timestamptz,
        rotated_at timestamptz,
        revoked_at timestamptz,
        CHECK ((agent_id IS NOT NULL) = ('agent:work' = ANY (scopes)))
      )`);
    await queryRunner.query('CREATE INDEX api_keys_client_idx ON gateway.api_keys (client_id, created_at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX api_keys_created_idx ON gateway.api_keys (created_at DESC, id DESC)');
    await queryRunner.query(`
      CREATE TABLE gateway.audit_logs (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        outcome text NOT NULL,
        client_id text,
        key_id text,
        ip text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX audit_logs_occurred_idx ON gateway.audit_logs (occurred_at DESC)');
    await queryRunner.query('CREATE INDEX audit_logs_client_idx ON gateway.audit_logs (client_id, id DESC)');
    await queryRunner.query('CREATE INDEX audit_logs_ip_idx ON gateway.audit_logs (ip, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway.audit_logs');
    await queryRunner.query('DROP TABLE gateway.api_keys');
  }
}
