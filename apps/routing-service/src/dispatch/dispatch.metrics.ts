import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Counter, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MetricsService } from '@ains/platform';
import { QueueRepository, type DecisionRecord } from './queue.repository';

/** Prometheus figures of the dispatch queue: depth per priority, decisions, time to an agent. */
@Injectable()
export class DispatchMetrics implements OnModuleInit {
  private decisions!: Counter<'strategy'>;
  private dispatchLatency!: Histogram;

  constructor(
    private readonly metrics: MetricsService,
    private readonly queue: QueueRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const { queue, dataSource } = this;
    this.metrics.gauge({
      name: 'ains_task_queue_depth',
      help: 'Queued tasks waiting for an agent, by effective priority.',
      labelNames: ['priority'],
      async collect() {
        const depths = await queue.depthByPriority(dataSource.manager).catch(() => undefined);
        for (let priority = 1; priority <= 10; priority += 1) this.set({ priority: String(priority) }, depths ? (depths.get(priority) ?? 0) : -1);
      },
    });
    this.metrics.gauge({
      name: 'ains_routing_backpressure_engaged',
      help: '1 while new task submissions are refused because the queue is too deep.',
      async collect() {
        this.set((await queue.backpressureEngaged(dataSource.manager).catch(() => false)) ? 1 : 0);
      },
    });
    this.decisions = this.metrics.counter({ name: 'ains_routing_decisions_total', help: 'Routing decisions made, by strategy.', labelNames: ['strategy'] });
    this.dispatchLatency = this.metrics.histogram({
      name: 'ains_dispatch_latency_seconds',
      help: 'Time from a task being queued to its assignment to an agent (the routing decision).',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
  }

  recordDecision(decision: DecisionRecord): void {
    this.decisions.inc({ strategy: decision.strategy });
    this.dispatchLatency.observe(Math.max(0, decision.decidedAt.getTime() - decision.queuedAt.getTime()) / 1_000);
  }
}
