import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { shutdownTelemetry } from './tracing/telemetry';

/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');
/** Injection token of the service's validated configuration object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the service's name, e.g. `agent-service`. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface PlatformModuleOptions {
  service: string;
  logger: Logger;
  config: object;
}

/** Config, logging, health and metrics: what every AINS service has, wired once. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  /** Flushes the spans still buffered, so the last requests' traces are not lost. */
  async onApplicationShutdown(): Promise<void> {
    await shutdownTelemetry();
  }

  static forRoot({ service, logger, config }: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: APP_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service },
        ReadinessRegistry,
        MetricsService,
      ],
      exports: [LOGGER, APP_CONFIG, SERVICE_NAME, ReadinessRegistry, MetricsService],
    };
  }
}
