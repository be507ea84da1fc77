import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction and, once it has committed, tells the outbox
 * relay there may be events to publish, so they leave without waiting for the next poll.
 */
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => void,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.afterCommit();
    return result;
  }
}
