import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentEventsConsumer } from './agent-events.consumer';
import { TrustController } from './trust.controller';
import { TrustRecord } from './trust-record.entity';
import { TrustRepository } from './trust.repository';
import { TrustScore } from './trust-score.entity';
import { TrustService } from './trust.service';

@Module({
  imports: [TypeOrmModule.forFeature([TrustScore, TrustRecord])],
  controllers: [TrustController, AgentEventsConsumer],
  providers: [TrustService, TrustRepository],
})
export class TrustModule {}
