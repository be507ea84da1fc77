import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a run ended without a task; the index serves the template filter of the schedule list. */
export class RunFailureReason1764900000000 implements MigrationInterface {
  readonly name = 'RunFailureReason1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE scheduler.schedule_runs ADD COLUMN failure_reason text');
    await queryRunner.query('CREATE INDEX schedules_template_idx ON scheduler.schedules (client_id, template_id) WHERE template_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX scheduler.schedules_template_idx');
    await queryRunner.query('ALTER TABLE scheduler.schedule_runs DROP COLUMN failure_reason');
  }
}
