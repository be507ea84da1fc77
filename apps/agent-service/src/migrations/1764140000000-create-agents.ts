import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgents1764140000000 implements MigrationInterface {
  readonly name = 'CreateAgents1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agent.agents (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        endpoint text,
        tags text[] NOT NULL DEFAULT '{}',
        capabilities jsonb NOT NULL DEFAULT '[]',
        max_concurrency integer NOT NULL CHECK (max_concurrency > 0),
        status text NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX agents_tags_idx ON agent.agents USING gin (tags)');
    await queryRunner.query('CREATE INDEX agents_registered_at_idx ON agent.agents (registered_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agent.agents');
  }
}
