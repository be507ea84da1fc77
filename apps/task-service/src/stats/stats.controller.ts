import { Controller, Get } from '@nestjs/common';
import type { Caller, TaskStatsView } from '@ains/contracts';
import { CurrentCaller } from '@ains/platform';
import { StatsService } from './stats.service';

@Controller('v1/tasks/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** An admin sees every client's tasks; anyone else only their own client's. */
  @Get()
  get(@CurrentCaller() caller: Caller): Promise<TaskStatsView> {
    return this.stats.get(caller.scopes.includes('admin') ? null : caller.clientId);
  }
}
