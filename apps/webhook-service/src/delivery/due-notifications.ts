import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel on which commits that make deliveries due are announced. */
export const DELIVERIES_DUE_CHANNEL = 'webhook_deliveries_due';

/**
 * Announces, inside the transaction that queues deliveries, that work is due. PostgreSQL sends the
 * notification only if and when that transaction commits, to every replica's listener, and the
 * delivery worker claims at once instead of at its next poll.
 */
export async function announceDueDeliveries(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '')`);
}
