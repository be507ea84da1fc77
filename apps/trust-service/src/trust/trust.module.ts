import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaskEventsConsumer } from './task-events.consumer';
import { TrustController } from './trust.controller';
import { TrustHistoryService } from './trust-history.service';
import { TrustRecord } from './trust-record.entity';
import { TrustRepository } from './trust.repository';
import { TrustScore } from './trust-score.entity';
import { TrustService } from './trust.service';

@Module({
  imports: [TypeOrmModule.forFeature([TrustScore, TrustRecord])],
  controllers: [TrustController],
  providers: [TaskEventsConsumer, TrustService, TrustHistoryService, TrustRepository],
  exports: [TrustService],
})
export class TrustModule {}
