import { Public } from '../auth/public.decorator';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessRegistry, type ReadinessCheck } from './readiness.registry';
import { withTimeout } from '../with-timeout';

const CHECK_TIMEOUT_MS = 3_000;

@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** Liveness: the process runs and its event loop answers. Dependencies are not consulted. */
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: every dependency this service needs answers within a few seconds. */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.readiness.isDraining) {
      throw new ServiceUnavailableException({ status: 'error', info: {}, error: { shutdown: { status: 'down' } } });
    }
    return this.health.check(this.readiness.entries().map(([name, check]) => () => this.run(name, check)));
  }

  private async run(name: string, check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(name);
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS, name);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
