import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER } from '@ains/platform';
import type { TaskSettings } from '../tasks/task-settings';

export const ASSIGNED_CHANNEL = 'task_assigned';

/**
 * Wakes waiting claims when a task is assigned to their agent. Assignments `pg_notify` inside
 * their transaction, so the notification arrives only after the commit, on every replica. Waiting
 * claims also poll, so a lost listener connection slows claims down but never loses work.
 */
const RECONNECT_MS = 1_000;

@Injectable()
export class AssignmentSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): Promise<void> {
    return this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  /** Resolves on the next assignment to the agent (true), or after `ms` (false), whichever comes first. */
  waitForAgent(agentId: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (signalled: boolean): void => {
        clearTimeout(timer);
        this.emitter.off(agentId, onSignal);
        resolve(signalled);
      };
      const onSignal = (): void => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.emitter.once(agentId, onSignal);
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.settings.DATABASE_URL, application_name: 'task-service-listener' });
    client.on('notification', (message) => {
      if (message.channel === ASSIGNED_CHANNEL && message.payload) this.emitter.emit(message.payload);
    });
    client.on('error', (error) => this.logger.warn({ err: error }, 'assignment listener connection failed; claims poll until it is back'));
    client.on('end', () => this.listenAgainLater());
    await client.connect();
    await client.query(`LISTEN ${ASSIGNED_CHANNEL}`);
    this.client = client;
  }

  private listenAgainLater(): void {
    if (this.closing || this.reconnect) return;
    this.client = undefined;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      this.listen().catch(() => this.listenAgainLater());
    }, RECONNECT_MS);
  }
}
