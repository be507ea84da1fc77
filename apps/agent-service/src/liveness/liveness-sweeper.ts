import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@ains/platform';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { LivenessService } from './liveness.service';

/** Runs the liveness sweep every AGENT_LIVENESS_SWEEP_INTERVAL_MS on every replica. */
@Injectable()
export class LivenessSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly liveness: LivenessService,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.liveness
        .sweep()
        .then(
          (count) => {
            if (count > 0) this.logger.info({ count }, 'agents went offline');
          },
          (error: unknown) => this.logger.error({ err: error }, 'liveness sweep failed'),
        )
        .finally(() => this.schedule());
    }, this.settings.livenessSweepIntervalMs);
  }
}
