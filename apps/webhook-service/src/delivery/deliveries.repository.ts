import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { DeliveryStatus } from '@ains/contracts';
import type { AttemptResult } from './attempt-policy';
import { DeliveryAttempt } from './delivery-attempt.entity';
import { Delivery } from './delivery.entity';

export interface NewDelivery {
  id: string;
  endpointId: string;
  clientId: string;
  messageId: string;
  eventId: string;
  eventType: string;
  body: string;
}

export interface DeliveryFilters {
  status?: DeliveryStatus;
  eventType?: string;
  since?: string;
  until?: string;
}

export interface DeliveryPageKey {
  createdAt: string;
  id: string;
}

/** A delivery claimed by a worker, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  messageId: string;
  body: string;
  attempts: number;
  cycleAttempts: number;
  leaseToken: string;
  url: string;
  headers: Record<string, string>;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface ClaimOptions {
  limit: number;
  perEndpointLimit: number;
  leaseMs: number;
  leaseToken: string;
}

export interface DeliveryUpdate {
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  lastError: string | null;
}

/** Serialises claims across replicas so the per-endpoint in-flight limit holds exactly. */
const CLAIM_LOCK = "hashtext('webhook.deliveries.claim')";

@Injectable()
export class DeliveriesRepository {
  constructor(
    @InjectRepository(Delivery) private readonly deliveries: Repository<Delivery>,
    @InjectRepository(DeliveryAttempt) private readonly attempts: Repository<DeliveryAttempt>,
  ) {}

  /** Queues deliveries, due now; a redelivered event finds its rows there and adds nothing. */
  async insertMany(manager: EntityManager, rows: readonly NewDelivery[]): Promise<void> {
    if (rows.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values(rows.map((row) => ({ ...row, status: 'pending' as const, attempts: 0, cycleAttempts: 0, nextAttemptAt: () => 'now()' })))
      .orIgnore()
      .execute();
  }

  findForClient(clientId: string, endpointId: string, id: string, manager?: EntityManager): Promise<Delivery | null> {
    return (manager?.getRepository(Delivery) ?? this.deliveries).findOneBy({ clientId, endpointId, id });
  }

  attemptsOf(deliveryId: string): Promise<DeliveryAttempt[]> {
    return this.attempts.find({ where: { deliveryId }, order: { attempt: 'ASC' } });
  }

  /** Newest first, filtered; `after` is the sort key of the previous page's last delivery. */
  listPage(clientId: string, endpointId: string, filters: DeliveryFilters, limit: number, after?: DeliveryPageKey): Promise<Delivery[]> {
    const query = this.deliveries
      .createQueryBuilder('delivery')
      .where('delivery.clientId = :clientId AND delivery.endpointId = :endpointId', { clientId, endpointId })
      .orderBy('delivery.createdAt', 'DESC')
      .addOrderBy('delivery.id', 'DESC')
      .take(limit);
    if (filters.status) query.andWhere('delivery.status = :status', { status: filters.status });
    if (filters.eventType) query.andWhere('delivery.eventType = :eventType', { eventType: filters.eventType });
    if (filters.since) query.andWhere('delivery.createdAt >= :since', { since: filters.since });
    if (filters.until) query.andWhere('delivery.createdAt < :until', { until: filters.until });
    if (after) query.andWhere('(delivery.createdAt, delivery.id) < (:createdAt, :id)', after);
    return query.getMany();
  }

  /** Makes finished deliveries pending again, due now, with a fresh retry schedule. */
  async requeue(manager: EntityManager, endpointId: string, where: { id: string } | { deadLetteredSince: string }): Promise<number> {
    const condition = 'id' in where ? "id = $2 AND status <> 'pending'" : "status = 'dead_lettered' AND created_at >= $2";
    const [, count] = (await manager.query(
      `UPDATE webhook.deliveries SET status = 'pending', cycle_attempts = 0, next_attempt_at = now(), last_error = NULL, updated_at = now()
       WHERE endpoint_id = $1 AND ${condition}`,
      [endpointId, 'id' in where ? where.id : where.deadLetteredSince],
    )) as [unknown, number];
    return count;
  }

  async deadLetterPending(manager: EntityManager, endpointId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE webhook.deliveries SET status = 'dead_lettered', next_attempt_at = NULL, last_error = $2, updated_at = now()
       WHERE endpoint_id = $1 AND status = 'pending'`,
      [endpointId, reason],
    );
  }

  /**
   * Claims due deliveries of enabled endpoints, at most `perEndpointLimit` in flight per endpoint
   * (those already leased count), oldest due first. A lease that expires (the worker died) makes
   * the delivery claimable again.
   */
  /** When the earliest pending delivery can next be claimed: its retry time, or its lease's end if later. */
  async nextDueAt(): Promise<Date | null> {
    const [row] = (await this.deliveries.query(
      `SELECT min(greatest(next_attempt_at, coalesce(lease_expires_at, next_attempt_at))) AS due FROM webhook.deliveries WHERE status = 'pending'`,
    )) as { due: Date | null }[];
    return row?.due ?? null;
  }

  claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    return this.deliveries.manager.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`);
      const [rows] = (await tx.query(
        `WITH in_flight AS (
           SELECT endpoint_id, count(*)::int AS n FROM webhook.deliveries
           WHERE status = 'pending' AND lease_expires_at > now() GROUP BY endpoint_id
         ), ready AS (
           SELECT e.id, $1 - coalesce(f.n, 0) AS free
           FROM (SELECT DISTINCT endpoint_id FROM webhook.deliveries WHERE status = 'pending' AND next_attempt_at <= now()) due
           JOIN webhook.endpoints e ON e.id = due.endpoint_id AND e.enabled
           LEFT JOIN in_flight f ON f.endpoint_id = e.id
           WHERE coalesce(f.n, 0) < $1
         ), candidates AS (
           SELECT c.id, c.next_attempt_at FROM ready r CROSS JOIN LATERAL (
             SELECT d.id, d.next_attempt_at FROM webhook.deliveries d
             WHERE d.endpoint_id = r.id AND d.status = 'pending' AND d.next_attempt_at <= now()
               AND (d.lease_expires_at IS NULL OR d.lease_expires_at <= now())
             ORDER BY d.next_attempt_at LIMIT r.free
           ) c
         ), chosen AS (
           SELECT d.id FROM webhook.deliveries d JOIN candidates c ON c.id = d.id
           ORDER BY c.next_attempt_at LIMIT $2
           FOR UPDATE OF d SKIP LOCKED
         )
         UPDATE webhook.deliveries d
         SET lease_expires_at = now() + $3 * interval '1 millisecond', lease_token = $4
         FROM chosen, webhook.endpoints e
         WHERE d.id = chosen.id AND e.id = d.endpoint_id
         RETURNING d.id, d.endpoint_id, d.message_id, d.body, d.attempts, d.cycle_attempts, d.lease_token,
                   e.url, e.headers, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at`,
        [options.perEndpointLimit, options.limit, options.leaseMs, options.leaseToken],
      )) as [ClaimedRow[], number];
      return rows.map(toClaimed);
    });
  }

  /**
   * Records an attempt and the delivery's next state, provided the caller still holds the lease
   * (a worker whose lease expired and was taken over records nothing). Returns whether it did.
   */
  async completeAttempt(manager: EntityManager, claim: ClaimedDelivery, attemptedAt: Date, result: AttemptResult, update: DeliveryUpdate): Promise<boolean> {
    const [, count] = (await manager.query(
      `UPDATE webhook.deliveries
       SET status = $3, next_attempt_at = $4, last_error = $5, attempts = attempts + 1, cycle_attempts = cycle_attempts + 1,
           lease_expires_at = NULL, lease_token = NULL, updated_at = now()
       WHERE id = $1 AND lease_token = $2`,
      [claim.id, claim.leaseToken, update.status, update.nextAttemptAt, update.lastError],
    )) as [unknown, number];
    if (count === 0) return false;
    await manager.getRepository(DeliveryAttempt).insert({
      deliveryId: claim.id,
      attempt: claim.attempts + 1,
      attemptedAt,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      responseBody: result.responseBody,
      error: result.error,
    });
    return true;
  }

  async countPending(): Promise<number> {
    return this.deliveries.countBy({ status: 'pending' });
  }

  /** Deletes finished deliveries (and their attempts) last changed before `before`. */
  async pruneFinished(before: Date): Promise<number> {
    const result = await this.deliveries.createQueryBuilder().delete().where("status <> 'pending' AND updated_at < :before", { before }).execute();
    return result.affected ?? 0;
  }
}

interface ClaimedRow {
  id: string;
  endpoint_id: string;
  message_id: string;
  body: string;
  attempts: number;
  cycle_attempts: number;
  lease_token: string;
  url: string;
  headers: Record<string, string>;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
}

function toClaimed(row: ClaimedRow): ClaimedDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    messageId: row.message_id,
    body: row.body,
    attempts: row.attempts,
    cycleAttempts: row.cycle_attempts,
    leaseToken: row.lease_token,
    url: row.url,
    headers: row.headers,
    secretSealed: row.secret_sealed,
    previousSecretSealed: row.previous_secret_sealed,
    previousSecretExpiresAt: row.previous_secret_expires_at,
  };
}
