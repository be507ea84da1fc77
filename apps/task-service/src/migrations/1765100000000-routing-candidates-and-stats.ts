import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidates routing ranked for each attempt (a few hundred bytes, from the decision event),
 * and the indexes the task statistics read: states per client; the queue per priority (partial,
 * queued rows only, covering, so the queue is read from the index alone); tasks finished per time
 * (partial: only finished rows, so running work does not maintain them); creation time across
 * clients (BRIN: rows arrive in creation order, so it stays tiny and costs inserts next to nothing).
 */
export class RoutingCandidatesAndStats1765100000000 implements MigrationInterface {
  readonly name = 'RoutingCandidatesAndStats1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE task.task_attempts ADD COLUMN routing_ranking jsonb');
    await queryRunner.query('CREATE INDEX tasks_client_status_idx ON task.tasks (client_id, status)');
    await queryRunner.query("CREATE INDEX tasks_queued_idx ON task.tasks (effective_priority) INCLUDE (client_id, queued_at, created_at) WHERE status = 'queued'");
    await queryRunner.query('CREATE INDEX tasks_client_finished_idx ON task.tasks (client_id, finished_at) WHERE finished_at IS NOT NULL');
    await queryRunner.query('CREATE INDEX tasks_finished_idx ON task.tasks (finished_at) WHERE finished_at IS NOT NULL');
    await queryRunner.query('CREATE INDEX tasks_created_brin_idx ON task.tasks USING brin (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX task.tasks_created_brin_idx, task.tasks_finished_idx, task.tasks_client_finished_idx, task.tasks_queued_idx, task.tasks_client_status_idx');
    await queryRunner.query('ALTER TABLE task.task_attempts DROP COLUMN routing_ranking');
  }
}
