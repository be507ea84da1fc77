import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Optional client-address ranges per key; an empty list accepts any address, as before. */
export class ApiKeyAllowedCidrs1764900000000 implements MigrationInterface {
  readonly name = 'ApiKeyAllowedCidrs1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE gateway.api_keys ADD COLUMN allowed_cidrs text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gateway.api_keys DROP COLUMN allowed_cidrs');
  }
}
