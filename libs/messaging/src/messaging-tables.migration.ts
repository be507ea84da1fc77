import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdentifier } from '@ains/persistence';

/**
 * The outbox and inbox tables every service keeps in its own schema. Each service lists the
 * migration this returns among its own, so the tables are versioned with the rest of its schema.
 */
export function messagingTablesMigration(schema: string, timestamp: number): new () => MigrationInterface {
  const s = quoteIdentifier(schema);
  return class MessagingTables implements MigrationInterface {
    readonly name = `MessagingTables${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE ${s}.outbox (
          seq bigserial PRIMARY KEY,
          event_id uuid NOT NULL UNIQUE,
          topic text NOT NULL,
          message_key text NOT NULL,
          event_type text NOT NULL,
          headers jsonb NOT NULL,
          payload jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz
        )`);
      await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`);
      await queryRunner.query(`CREATE INDEX outbox_published_at_idx ON ${s}.outbox (published_at) WHERE published_at IS NOT NULL`);
      await queryRunner.query(`
        CREATE TABLE ${s}.inbox (
          event_id uuid PRIMARY KEY,
          event_type text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now()
        )`);
      await queryRunner.query(`CREATE INDEX inbox_processed_at_idx ON ${s}.inbox (processed_at)`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE ${s}.inbox`);
      await queryRunner.query(`DROP TABLE ${s}.outbox`);
    }
  };
}
