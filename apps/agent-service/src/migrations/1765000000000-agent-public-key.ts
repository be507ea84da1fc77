import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agent's Ed25519 public key (base64url of the raw 32 bytes): with one, its complete and fail
 * reports must be signed. Agents without a key sign nothing, as before.
 */
export class AgentPublicKey1765000000000 implements MigrationInterface {
  readonly name = 'AgentPublicKey1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agent.agents ADD COLUMN public_key text, ADD CONSTRAINT agents_public_key_length CHECK (char_length(public_key) = 43)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agent.agents DROP CONSTRAINT agents_public_key_length, DROP COLUMN public_key');
  }
}
