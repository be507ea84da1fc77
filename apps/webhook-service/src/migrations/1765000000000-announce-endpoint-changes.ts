import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every statement that changes endpoints announces it on `webhook_endpoints_changed` (delivered at
 * commit), so each replica refreshes its in-memory index of who subscribes to what.
 */
export class AnnounceEndpointChanges1765000000000 implements MigrationInterface {
  readonly name = 'AnnounceEndpointChanges1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION webhook.announce_endpoint_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('webhook_endpoints_changed', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER endpoints_changed AFTER INSERT OR UPDATE OR DELETE ON webhook.endpoints
      FOR EACH STATEMENT EXECUTE FUNCTION webhook.announce_endpoint_changes()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER endpoints_changed ON webhook.endpoints');
    await queryRunner.query('DROP FUNCTION webhook.announce_endpoint_changes()');
  }
}
