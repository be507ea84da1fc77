import type { DataSource, EntityManager } from 'typeorm';
import { wroteOutboxRows } from './outbox/outbox.writer';

/**
 * Runs a unit of work in one database transaction and, once it has committed, wakes the outbox
 * relay if (and only if) the work appended events, so they leave without waiting for a poll and
 * transactions that wrote none cost the relay nothing.
 */
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly onOutboxWritten: () => void,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let wrote = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager);
      wrote = wroteOutboxRows(manager);
      return value;
    });
    if (wrote) this.onOutboxWritten();
    return result;
  }
}
