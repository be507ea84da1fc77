import { Controller, Get } from '@nestjs/common';
import type { RoutingQueueView } from '@ains/contracts';
import { QueueStatusService } from './queue-status.service';

/** Operators' view of the queue across tenants; the gateway allows it to `admin` keys only. */
@Controller('v1/routing/queue')
export class QueueController {
  constructor(private readonly status: QueueStatusService) {}

  @Get()
  get(): Promise<RoutingQueueView> {
    return this.status.get();
  }
}
