import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { PgNotificationListener } from '@ains/persistence';

export const ASSIGNED_CHANNEL = 'task_assigned';

/**
 * Wakes waiting claims when a task is assigned to their agent. Assignments `pg_notify` inside
 * their transaction, so the notification arrives only after the commit, on every replica (through
 * the service's one listening connection). Waiting claims also poll, so a lost listener connection
 * slows claims down but never loses work.
 */
@Injectable()
export class AssignmentSignals {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  constructor(listener: PgNotificationListener) {
    listener.on(ASSIGNED_CHANNEL, (agentId) => {
      if (agentId) this.emitter.emit(agentId);
    });
  }

  /** Resolves true on the next assignment to the agent, or false after `ms`, whichever comes first. */
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
}
