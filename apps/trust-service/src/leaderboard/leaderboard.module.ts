import { Module, type DynamicModule } from '@nestjs/common';
import { LeaderboardController } from './leaderboard.controller';
import { LeaderboardRepository } from './leaderboard.repository';
import { LEADERBOARD_SETTINGS, LeaderboardService, type LeaderboardSettings } from './leaderboard.service';

@Module({})
export class LeaderboardModule {
  static forRoot(settings: LeaderboardSettings): DynamicModule {
    return {
      module: LeaderboardModule,
      controllers: [LeaderboardController],
      providers: [{ provide: LEADERBOARD_SETTINGS, useValue: settings }, LeaderboardService, LeaderboardRepository],
    };
  }
}
