import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order in which attempts arrived in the dispatch queue. Queue rows are written only under the
 * dispatch lock, so a round that holds it has seen every arrival up to the highest it read: the
 * dispatcher can then read only later arrivals while nothing in the fleet changed (see DispatchService).
 */
export class QueueArrivalOrder1765200000000 implements MigrationInterface {
  readonly name = 'QueueArrivalOrder1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE routing.queue_arrival_seq');
    await queryRunner.query("ALTER TABLE routing.queue ADD COLUMN arrival bigint NOT NULL DEFAULT nextval('routing.queue_arrival_seq')");
    await queryRunner.query('CREATE INDEX queue_arrival_idx ON routing.queue (arrival)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE routing.queue DROP COLUMN arrival');
    await queryRunner.query('DROP SEQUENCE routing.queue_arrival_seq');
  }
}
