import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1764150000000 implements MigrationInterface {
  readonly name = 'CreateWebhooks1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook.endpoints (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        enabled boolean NOT NULL,
        disabled_reason text CHECK (disabled_reason IN ('gone', 'failing', 'manual')),
        headers jsonb NOT NULL DEFAULT '{}',
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX endpoints_client_idx ON webhook.endpoints (client_id, created_at DESC, id DESC)');
    await queryRunner.query(`
      CREATE TABLE webhook.deliveries (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook.endpoints (id) ON DELETE CASCADE,
        client_id text NOT NULL,
        message_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'dead_lettered')),
        attempts integer NOT NULL DEFAULT 0,
        cycle_attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_expires_at timestamptz,
        lease_token uuid,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
    await queryRunner.query("CREATE INDEX deliveries_due_idx ON webhook.deliveries (next_attempt_at) WHERE status = 'pending'");
    await queryRunner.query("CREATE INDEX deliveries_endpoint_due_idx ON webhook.deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending'");
    await queryRunner.query('CREATE INDEX deliveries_leased_idx ON webhook.deliveries (endpoint_id) WHERE lease_expires_at IS NOT NULL');
    await queryRunner.query('CREATE INDEX deliveries_endpoint_idx ON webhook.deliveries (endpoint_id, created_at DESC, id DESC)');
    await queryRunner.query("CREATE INDEX deliveries_finished_idx ON webhook.deliveries (updated_at) WHERE status <> 'pending'");
    await queryRunner.query(`
      CREATE TABLE webhook.delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES webhook.deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        response_body text,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook.delivery_attempts');
    await queryRunner.query('DROP TABLE webhook.deliveries');
    await queryRunner.query('DROP TABLE webhook.endpoints');
  }
}
