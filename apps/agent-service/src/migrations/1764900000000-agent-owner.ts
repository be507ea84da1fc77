import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client that registered each agent, who alone (with admins) may change it. Agents registered
 * before it was recorded have none: only admins may change those.
 */
export class AgentOwner1764900000000 implements MigrationInterface {
  readonly name = 'AgentOwner1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agent.agents ADD COLUMN owner_client_id text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agent.agents DROP COLUMN owner_client_id');
  }
}
