import { Inject, Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import type { ApiOperation } from '@ains/contracts';
import { APP_CONFIG, LOGGER, MetricsService, ProblemException, SlidingWindowLimiter, withTimeout } from '@ains/platform';
import type { Principal } from '../auth/authenticator';
import type { GatewaySettings } from '../gateway-settings';
import { budgetOf, decisionOf, unmeteredDecision, type RateLimitDecision } from './rate-limit-decision';

/**
 * Per-key sliding-window limits, in the budget the request falls in (see `budgetOf`): in Redis,
 * shared by every gateway instance, or without REDIS_URL in this process. When Redis cannot answer
 * within REDIS_COMMAND_TIMEOUT_MS the request is admitted unmetered (fail-open) or refused with 503
 * (fail-closed), as RATE_LIMIT_REDIS_FAILURE_MODE says; either way it is counted and logged.
 */
@Injectable()
export class RateLimiter {
  private readonly unavailable: Counter<'mode'>;

  constructor(
    private readonly windows: SlidingWindowLimiter,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: MetricsService,
  ) {
    this.unavailable = metrics.counter({
      name: 'ains_gateway_rate_limiter_unavailable_total',
      help: 'Requests whose rate limit could not be checked because Redis failed, by the failure mode applied.',
      labelNames: ['mode'],
    });
  }

  async consume(principal: Principal, operation: Pick<ApiOperation, 'scopes'>): Promise<RateLimitDecision> {
    const keyId = principal.caller.keyId;
    const budget = budgetOf(principal, operation, this.config.AGENT_WORK_RATE_LIMIT_PER_MINUTE);
    try {
      const verdict = await withTimeout(
        this.windows.consume(`${this.config.REDIS_KEY_PREFIX}${budget.window}:${keyId}`, { perMinute: budget.perMinute, perSecond: budget.perSecond }),
        this.config.REDIS_COMMAND_TIMEOUT_MS,
        'rate limit check',
      );
      return decisionOf(verdict, budget);
    } catch (error) {
      const mode = this.config.RATE_LIMIT_REDIS_FAILURE_MODE;
      this.unavailable.inc({ mode });
      this.logger.error({ err: error instanceof Error ? error.message : String(error), keyId, mode }, 'rate limiter unavailable');
      if (mode === 'open') return unmeteredDecision(budget);
      throw ProblemException.serviceUnavailable('Rate limits cannot be checked right now. Try again shortly.', 1);
    }
  }
}
