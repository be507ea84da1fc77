import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventData } from '@ains/contracts';
import { ProblemException } from '@ains/platform';

interface BackpressureState {
  engaged: boolean;
  retryAfterSeconds: number;
}

/** Replicas re-read the shared state at most this often, so a create costs no extra query. */
const CACHE_MS = 1_000;

/**
 * routing-service's backpressure signal. One replica consumes the event and stores it; every
 * replica reads it (cached briefly) before accepting new tasks. While engaged, creation answers
 * 503 with Retry-After: the platform, not this client, is saturated (429 is the gateway's
 * per-client rate limit).
 */
@Injectable()
export class Backpressure {
  private cached: { state: BackpressureState; readAt: number } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the signal unless a newer one is already stored (events may arrive out of order). */
  async record(manager: EntityManager, signal: EventData<'ains.routing.backpressure_changed.v1'>): Promise<void> {
    await manager.query(
      `INSERT INTO task.backpressure (id, engaged, retry_after_seconds, changed_at) VALUES (true, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET engaged = EXCLUDED.engaged, retry_after_seconds = EXCLUDED.retry_after_seconds, changed_at = EXCLUDED.changed_at
       WHERE task.backpressure.changed_at < EXCLUDED.changed_at`,
      [signal.engaged, signal.retryAfterSeconds, signal.changedAt],
    );
    this.cached = undefined;
  }

  async assertAccepting(): Promise<void> {
    const state = await this.current();
    if (state.engaged) throw ProblemException.serviceUnavailable('Too many tasks are waiting for agents; new tasks are not accepted for now.', state.retryAfterSeconds);
  }

  private async current(): Promise<BackpressureState> {
    if (this.cached && Date.now() - this.cached.readAt < CACHE_MS) return this.cached.state;
    const [row] = (await this.dataSource.query('SELECT engaged, retry_after_seconds FROM task.backpressure')) as { engaged: boolean; retry_after_seconds: number }[];
    const state = { engaged: row?.engaged ?? false, retryAfterSeconds: row?.retry_after_seconds ?? 1 };
    this.cached = { state, readAt: Date.now() };
    return state;
  }
}
