import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RoutingQueueView } from '@ains/contracts';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import { QueueRepository } from './queue.repository';

@Injectable()
export class QueueStatusService {
  constructor(
    private readonly queue: QueueRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  async get(): Promise<RoutingQueueView> {
    const manager = this.dataSource.manager;
    const [depths, engaged] = await Promise.all([this.queue.depthByPriority(manager), this.queue.backpressureEngaged(manager)]);
    const byPriority: Record<string, number> = {};
    for (let priority = 1; priority <= 10; priority += 1) byPriority[String(priority)] = depths.get(priority) ?? 0;
    return {
      depth: [...depths.values()].reduce((sum, n) => sum + n, 0),
      by_priority: byPriority,
      backpressure: { engaged, limit: this.settings.backpressureLimit, release_depth: this.settings.backpressureReleaseDepth },
    };
  }
}
