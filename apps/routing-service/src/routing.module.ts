import { Module, type DynamicModule } from '@nestjs/common';
import { BackpressureService } from './dispatch/backpressure.service';
import { DispatchMetrics } from './dispatch/dispatch.metrics';
import { DispatchService } from './dispatch/dispatch.service';
import { DispatcherService } from './dispatch/dispatcher.service';
import { QueueController } from './dispatch/queue.controller';
import { QueueStatusService } from './dispatch/queue-status.service';
import { QueueRepository } from './dispatch/queue.repository';
import { TaskEventsConsumer } from './dispatch/task-events.consumer';
import { TaskLifecycleService } from './dispatch/task-lifecycle.service';
import { PoliciesRepository } from './policies/policies.repository';
import { PoliciesService } from './policies/policies.service';
import { RoutingController } from './policies/routing.controller';
import { FleetEventsConsumer } from './read-model/fleet-events.consumer';
import { FleetRepository } from './read-model/fleet.repository';
import { FleetService } from './read-model/fleet.service';
import { ROUTING_SETTINGS, type RoutingSettings } from './routing-settings';
import { strategyRegistryProvider } from './strategies/strategies.provider';

/**
 * The read model (fleet), the dispatch queue with its dispatcher, and the strategies and
 * policies. One module: the consumers of both read model and queue wake the same dispatcher.
 */
@Module({})
export class RoutingModule {
  static forRoot(settings: RoutingSettings): DynamicModule {
    return {
      module: RoutingModule,
      controllers: [RoutingController, QueueController],
      providers: [
        TaskEventsConsumer,
        FleetEventsConsumer,
        { provide: ROUTING_SETTINGS, useValue: settings },
        strategyRegistryProvider,
        FleetRepository,
        FleetService,
        QueueRepository,
        QueueStatusService,
        PoliciesRepository,
        PoliciesService,
        BackpressureService,
        DispatchMetrics,
        DispatchService,
        DispatcherService,
        TaskLifecycleService,
      ],
    };
  }
}
