import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PgNotificationListener } from '@ains/persistence';

export const ASSIGNED_CHANNEL = 'task_assigned';
/** An agent's complete or fail reports were applied: its assignment stream may push again. */
export const SLOTS_FREED_CHANNEL = 'agent_slots_freed';
/** An agent opened an assignment stream (`<agent id> <stream id>`): older ones of that agent end. */
export const STREAM_OPENED_CHANNEL = 'agent_stream_opened';

export type StreamWake = 'assigned' | 'freed' | 'timeout' | 'aborted';

/**
 * Wakes waiting claims and assignment streams. Assignments `pg_notify` inside their transaction,
 * so the notification arrives only after the commit, on every replica (through the service's one
 * listening connection). Waiting claims and streams also poll, so a lost listener connection
 * slows them down but never loses work.
 */
@Injectable()
export class AssignmentSignals {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  constructor(
    listener: PgNotificationListener,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    listener.on(ASSIGNED_CHANNEL, (agentId) => {
      if (agentId) this.emitter.emit(agentId);
    });
    listener.on(SLOTS_FREED_CHANNEL, (agentId) => {
      if (agentId) this.emitter.emit(`freed:${agentId}`);
    });
    listener.on(STREAM_OPENED_CHANNEL, (payload) => {
      const [agentId, streamId] = (payload ?? '').split(' ');
      if (agentId && streamId) this.emitter.emit(`opened:${agentId}`, streamId);
    });
  }

  /** Resolves true on the next assignment to the agent, or false after `ms`, whichever comes first. */
  waitForAgent(agentId: string, ms: number): Promise<boolean> {
    return this.waitForStream(agentId, ms, new AbortController().signal, false).then((wake) => wake === 'assigned');
  }

  /** The next assignment to the agent, or (with `freed`) the next applied outcome it reported, a timeout, or the abort. */
  waitForStream(agentId: string, ms: number, signal: AbortSignal, freed = true): Promise<StreamWake> {
    return new Promise((resolve) => {
      const done = (wake: StreamWake): void => {
        clearTimeout(timer);
        this.emitter.off(agentId, onAssigned);
        this.emitter.off(`freed:${agentId}`, onFreed);
        signal.removeEventListener('abort', onAbort);
        resolve(wake);
      };
      const onAssigned = (): void => done('assigned');
      const onFreed = (): void => done('freed');
      const onAbort = (): void => done('aborted');
      if (signal.aborted) return resolve('aborted');
      const timer = setTimeout(() => done('timeout'), ms);
      this.emitter.once(agentId, onAssigned);
      if (freed) this.emitter.once(`freed:${agentId}`, onFreed);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Calls `onOpened` with the id of every assignment stream the agent opens, on any replica. */
  onStreamOpened(agentId: string, onOpened: (streamId: string) => void): () => void {
    this.emitter.on(`opened:${agentId}`, onOpened);
    return () => this.emitter.off(`opened:${agentId}`, onOpened);
  }

  /** After the commit of applied complete or fail reports of the agent. A lost notification only delays the stream until its next poll. */
  async slotsFreed(agentId: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [SLOTS_FREED_CHANNEL, agentId]);
  }

  async streamOpened(agentId: string, streamId: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [STREAM_OPENED_CHANNEL, `${agentId} ${streamId}`]);
  }
}
