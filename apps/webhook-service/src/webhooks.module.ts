import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { destinationPolicy, type DestinationPolicy } from '@ains/platform';
import { DeliveriesController } from './delivery/deliveries.controller';
import { DeliveriesRepository } from './delivery/deliveries.repository';
import { DeliveriesService } from './delivery/deliveries.service';
import { DeliveryAttempt } from './delivery/delivery-attempt.entity';
import { DeliveryWorker } from './delivery/delivery-worker';
import { Delivery } from './delivery/delivery.entity';
import { FanOutService } from './delivery/fan-out.service';
import { TenantEventsConsumer } from './delivery/tenant-events.consumer';
import { WebhookSender } from './delivery/webhook-sender';
import { Endpoint } from './endpoints/endpoint.entity';
import { EndpointsController } from './endpoints/endpoints.controller';
import { EndpointsRepository } from './endpoints/endpoints.repository';
import { EndpointsService } from './endpoints/endpoints.service';
import { SubscriptionIndex } from './endpoints/subscription-index';
import { SecretBox } from './security/secret-box';
import { DESTINATION_POLICY, WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

/** Endpoints (CRUD, secrets), fan-out of consumed events into deliveries, and the delivery worker. */
@Module({})
export class WebhooksModule {
  static forRoot(settings: WebhookSettings): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [TypeOrmModule.forFeature([Endpoint, Delivery, DeliveryAttempt])],
      controllers: [EndpointsController, DeliveriesController],
      providers: [
        TenantEventsConsumer,
        { provide: WEBHOOK_SETTINGS, useValue: settings },
        { provide: DESTINATION_POLICY, useValue: destinationPolicy(settings.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS, settings.WEBHOOK_ALLOWED_CIDRS) },
        {
          provide: SecretBox,
          useValue: settings.WEBHOOK_SECRET_KEY ? SecretBox.fromKey(settings.WEBHOOK_SECRET_KEY) : SecretBox.derivedFrom(settings.INTERNAL_AUTH_SECRET),
        },
        {
          provide: WebhookSender,
          useFactory: (policy: DestinationPolicy) =>
            new WebhookSender({ policy, attemptTimeoutMs: settings.WEBHOOK_ATTEMPT_TIMEOUT_MS, responseBodyMaxBytes: settings.WEBHOOK_RESPONSE_BODY_MAX_BYTES }),
          inject: [DESTINATION_POLICY],
        },
        EndpointsRepository,
        EndpointsService,
        SubscriptionIndex,
        DeliveriesRepository,
        DeliveriesService,
        FanOutService,
        DeliveryWorker,
      ],
    };
  }
}
