import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A statement that creates, deletes, pauses, resumes or reschedules schedules announces it on
 * `scheduler_schedules_changed` (delivered at commit), so every replica's firing loop, which sleeps
 * until the earliest next run, looks again at once.
 */
export class AnnounceScheduleChanges1765000000001 implements MigrationInterface {
  readonly name = 'AnnounceScheduleChanges1765000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION scheduler.announce_schedule_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scheduler_schedules_changed', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER schedules_changed AFTER INSERT OR DELETE OR UPDATE OF active, cron_expression, time_zone ON scheduler.schedules
      FOR EACH STATEMENT EXECUTE FUNCTION scheduler.announce_schedule_changes()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER schedules_changed ON scheduler.schedules');
    await queryRunner.query('DROP FUNCTION scheduler.announce_schedule_changes()');
  }
}
