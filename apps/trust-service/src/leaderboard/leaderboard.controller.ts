import { Controller, Get, Query } from '@nestjs/common';
import type { z } from 'zod';
import { LeaderboardQuery, type LeaderboardView } from '@ains/contracts';
import { ZodValidationPipe } from '@ains/platform';
import { LeaderboardService } from './leaderboard.service';

/** Written as z.infer: the schema's own name would put the schema into the decorator metadata. */
type LeaderboardParams = z.infer<typeof LeaderboardQuery>;

@Controller('v1/trust/leaderboard')
export class LeaderboardController {
  constructor(private readonly leaderboard: LeaderboardService) {}

  @Get()
  get(@Query(new ZodValidationPipe(LeaderboardQuery)) query: LeaderboardParams): Promise<LeaderboardView> {
    return this.leaderboard.get(query);
  }
}
