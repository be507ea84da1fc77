import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an attempt went to its agent: the strategy routing used and how many agents could take it. */
export class RecordRoutingDecisions1764300000000 implements MigrationInterface {
  readonly name = 'RecordRoutingDecisions1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE task.task_attempts ADD COLUMN routing_strategy text, ADD COLUMN routing_candidates integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE task.task_attempts DROP COLUMN routing_strategy, DROP COLUMN routing_candidates');
  }
}
