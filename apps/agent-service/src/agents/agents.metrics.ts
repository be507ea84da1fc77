import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT_STATUSES } from '@ains/contracts';
import { MetricsService } from '@ains/platform';
import { AgentsRepository } from './agents.repository';

/**
 * `ains_agents{status}`: the fleet by status, counted at every scrape, so every replica reports the
 * same figures (the rules take one). Every status has a series, unless the count failed: then none,
 * rather than the -1 of other gauges, which would turn the availability ratio into a false alert.
 */
@Injectable()
export class AgentsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly agents: AgentsRepository,
  ) {}

  onModuleInit(): void {
    const countByStatus = () => this.agents.countByStatus();
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
}
