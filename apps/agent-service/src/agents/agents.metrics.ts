import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AGENT_STATUSES } from '@ains/contracts';
import { MetricsService } from '@ains/platform';

/** The most a scrape lets PostgreSQL spend counting the fleet. */
const COUNT_TIMEOUT_MS = 2_000;

/**
 * `ains_agents{status}`: the fleet by status, counted at every scrape, so every replica reports the
 * same figures (the rules take one). Every status has a series, unless the count failed: then none,
 * rather than the -1 of other gauges, which would turn the availability ratio into a false alert.
 */
@Injectable()
export class AgentsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const countByStatus = () => this.countByStatus();
    this.metrics.gauge({
      name: 'ains_agents',
      help: 'Agents by status (online, offline, draining, deregistered).',
      labelNames: ['status'],
      async collect() {
        const counts = await countByStatus().catch(() => undefined);
        if (!counts) {
          this.reset();
          return;
        }
        for (const status of AGENT_STATUSES) this.set({ status }, counts.get(status) ?? 0);
      },
    });
  }

  /** One grouped count, under a statement timeout so a slow database never stalls /metrics for long. */
  private countByStatus(): Promise<Map<string, number>> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
      const rows = (await manager.query('SELECT status, count(*)::int AS count FROM agent.agents GROUP BY status')) as { status: string; count: number }[];
      return new Map(rows.map((row) => [row.status, row.count]));
    });
  }
}
