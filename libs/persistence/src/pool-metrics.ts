import type { OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { MetricsService } from '@ains/platform';

/** The counters pg's Pool keeps. */
export type PoolCounts = Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;

export type PoolConnectionState = 'in_use' | 'idle' | 'waiting';

/**
 * The `state` series of `ains_db_pool_connections`. pg counts every open (or opening) connection
 * and the idle ones among them: the rest are checked out. `waiting` counts callers queued for a
 * connection, not connections, so in_use + idle never exceeds the pool's size.
 */
export function poolConnectionStates(pool: PoolCounts): Record<PoolConnectionState, number> {
  return { in_use: Math.max(0, pool.totalCount - pool.idleCount), idle: pool.idleCount, waiting: pool.waitingCount };
}

/** Exposes the pg pool behind the service's TypeORM data source, read at every scrape. */
export class DatabasePoolMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    // Without read replicas configured, TypeORM's Postgres driver keeps its single pool as `master`.
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    this.metrics.gauge({
      name: 'ains_db_pool_connections',
      help: 'Connections of the database pool by state (in_use, idle), and callers waiting for one (waiting).',
      labelNames: ['state'],
      collect() {
        for (const [state, count] of Object.entries(poolConnectionStates(pool))) this.set({ state }, count);
      },
    });
    this.metrics.gauge({ name: 'ains_db_pool_max_connections', help: 'Size of the database pool (DATABASE_POOL_SIZE).' }).set(Number(pool.options.max));
  }
}
