import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { AgentsController } from './agents.controller';

@Module({
  imports: [UpstreamModule],
  controllers: [AgentsController],
})
export class AgentsModule {}
