import { Module } from '@nestjs/common';
import { TrustModule } from '../trust/trust.module';
import { AgentEventsConsumer } from './agent-events.consumer';
import { AgentProfilesRepository } from './agent-profiles.repository';

/** trust-service's view of the agents: registrations, profiles and status from agent events. */
@Module({
  imports: [TrustModule],
  providers: [AgentEventsConsumer, AgentProfilesRepository],
})
export class AgentsModule {}
