import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@ains/messaging';
import { PgNotificationListener } from '@ains/persistence';
import { LOGGER, MetricsService } from '@ains/platform';
import { EndpointsService } from '../endpoints/endpoints.service';
import { EndpointsRepository } from '../endpoints/endpoints.repository';
import { standardWebhookHeaders } from '../security/signing';
import { WEBHOOK_SETTINGS, type WebhookSettings } from '../webhook-settings';
import { ATTEMPT_VERDICTS, afterAttempt, judgeAttempt, type RetryPolicy } from './attempt-policy';
import { DeliveriesRepository, type ClaimedDelivery } from './deliveries.repository';
import { DELIVERIES_DUE_CHANNEL } from './due-notifications';
import { WebhookSender } from './webhook-sender';

/** Extra lease time beyond the attempt deadline, for recording the outcome. */
const LEASE_MARGIN_MS = 30_000;
/** The first retry after a failed loop round; doubled each failure up to 5 s. */
const RETRY_BASE_MS = 250;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * The delivery loop. Postgres holds the queue: the worker claims due deliveries (a lease, never
 * more than the per-endpoint limit in flight), sends each without waiting for the others, records
 * the attempt and the next state, and claims again as slots free up. A restarted or crashed
 * worker leaves nothing behind but leases that expire.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly retryPolicy: RetryPolicy;
  private readonly deliveriesCounter: Counter<'outcome'>;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private wakeRequested = false;
  private lastPruneAt = 0;

  constructor(
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly deliveries: DeliveriesRepository,
    private readonly endpointsRepository: EndpointsRepository,
    private readonly endpoints: EndpointsService,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly sender: WebhookSender,
    metrics: MetricsService,
    listener: PgNotificationListener,
  ) {
    // A commit that queues deliveries wakes the loop at once (polling stays the safety net).
    listener.on(DELIVERIES_DUE_CHANNEL, () => this.wake()).onReconnect(() => this.wake());
    this.retryPolicy = { scheduleMs: settings.WEBHOOK_RETRY_SCHEDULE, jitter: settings.WEBHOOK_RETRY_JITTER, disableAfterMs: settings.WEBHOOK_DISABLE_AFTER };
    this.deliveriesCounter = metrics.counter({ name: 'ains_webhook_deliveries_total', help: 'Webhook delivery attempts, by outcome (succeeded, gone, failed).', labelNames: ['outcome'] });
    // Every outcome from the start: rate() misses the first increment of a series born with it.
    for (const outcome of ATTEMPT_VERDICTS) this.deliveriesCounter.inc({ outcome }, 0);
    metrics.gauge({
      name: 'ains_webhook_deliveries_pending',
      help: 'Deliveries waiting for their first attempt or a retry.',
      async collect() {
        this.set(await deliveries.countPending().catch(() => -1));
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and lets the attempts in flight finish (each has its own deadline). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.sender.close();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let wait = this.settings.WEBHOOK_POLL_INTERVAL_MS;
      try {
        const free = this.settings.WEBHOOK_WORKER_CONCURRENCY - this.inFlight.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const delivery of claimed) this.track(this.attempt(delivery));
        await this.pruneWhenDue();
        // Nothing more due now: sleep until the next retry is, not a poll interval at a time.
        if (claimed.length < free) wait = await this.untilNextDue(wait);
        failures = 0;
      } catch (error) {
        failures += 1;
        wait = Math.min(RETRY_BASE_MS * 2 ** failures, 5_000);
        this.logger.error({ err: error }, 'webhook delivery loop failed');
      }
      // Or sooner: a finished attempt or a commit announcing new deliveries wakes the loop.
      await this.sleep(wait);
    }
  }

  /** Milliseconds until the earliest pending delivery is due (its retry time or its lease's end), at most `cap`. */
  private async untilNextDue(cap: number): Promise<number> {
    const next = await this.deliveries.nextDueAt();
    return next === null ? cap : Math.max(0, Math.min(cap, next.getTime() - Date.now()));
  }

  private claim(limit: number): Promise<ClaimedDelivery[]> {
    return this.deliveries.claimDue({
      limit,
      perEndpointLimit: this.settings.WEBHOOK_ENDPOINT_CONCURRENCY,
      leaseMs: this.settings.WEBHOOK_ATTEMPT_TIMEOUT_MS + LEASE_MARGIN_MS,
      leaseToken: randomUUID(),
    });
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      this.wake();
    });
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    try {
      const attemptedAt = new Date();
      const timestamp = Math.floor(attemptedAt.getTime() / 1_000);
      const secrets = this.endpoints.signingSecrets(delivery, attemptedAt);
      const result = await this.sender.send({
        url: delivery.url,
        headers: { ...delivery.headers, ...standardWebhookHeaders(secrets, delivery.messageId, timestamp, delivery.body) },
        body: delivery.body,
      });
      const verdict = judgeAttempt(result);
      // A plain transaction: only disabling an endpoint writes an event, and only then is the relay woken.
      const disabled = await this.dataSource.transaction(async (manager) => {
        const health = await this.endpointsRepository.recordOutcome(manager, delivery.endpointId, verdict === 'succeeded', attemptedAt);
        const next = afterAttempt(verdict, delivery.cycleAttempts + 1, health, new Date(), this.retryPolicy);
        const lastError = verdict === 'succeeded' ? null : health.enabled ? (result.error ?? `HTTP ${result.statusCode}`) : 'endpoint disabled';
        const recorded = await this.deliveries.completeAttempt(manager, delivery, attemptedAt, result, { status: next.status, nextAttemptAt: next.nextAttemptAt, lastError });
        if (recorded && next.disableEndpoint) {
          const detail = next.disableEndpoint === 'gone' ? 'the endpoint answered 410 Gone' : `failing since ${health.failingSince?.toISOString()}: ${lastError}`;
          await this.endpoints.disable(manager, delivery.endpointId, next.disableEndpoint, detail);
          return true;
        }
        return false;
      });
      if (disabled) this.relay.wake();
      this.deliveriesCounter.inc({ outcome: verdict });
    } catch (error) {
      // The lease expires and another round retries the attempt.
      this.logger.error({ err: error, deliveryId: delivery.id }, 'could not record a webhook attempt');
    }
  }

  private async pruneWhenDue(): Promise<void> {
    if (Date.now() - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = Date.now();
    const pruned = await this.deliveries.pruneFinished(new Date(Date.now() - this.settings.WEBHOOK_DELIVERY_RETENTION));
    if (pruned > 0) this.logger.info({ pruned }, 'pruned finished webhook deliveries');
  }

  /** A slot freed up or the worker is stopping: claim again without waiting for the poll. */
  private wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        this.wakeRequested = false;
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
