import { Module, type DynamicModule } from '@nestjs/common';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { LivenessSweeper } from '../liveness/liveness-sweeper';
import { LivenessService } from '../liveness/liveness.service';
import { LoadEventsConsumer } from '../load/load-events.consumer';
import { LoadRepository } from '../load/load.repository';
import { LoadService } from '../load/load.service';
import { AgentCache } from './agent-cache';
import { AgentListCache } from './agent-list-cache';
import { AgentsController } from './agents.controller';
import { AgentsMetrics } from './agents.metrics';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';

/** The registry, liveness and load of agents: one module, since all three write the agent view the cache holds. */
@Module({})
export class AgentsModule {
  static forRoot(settings: AgentSettings): DynamicModule {
    return {
      module: AgentsModule,
      controllers: [AgentsController],
      providers: [
        LoadEventsConsumer,
        { provide: AGENT_SETTINGS, useValue: settings },
        AgentsService,
        AgentsRepository,
        AgentsMetrics,
        AgentCache,
        AgentListCache,
        LivenessService,
        LivenessSweeper,
        LoadService,
        LoadRepository,
      ],
    };
  }
}
