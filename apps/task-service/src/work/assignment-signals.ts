import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PgNotificationListener } from '@ains/persistence';

export const ASSIGNED_CHANNEL = 'task_assigned';
/** An agent's complete or fail reports were applied: its assignment stream may push again. */
export const SLOTS_FREED_CHANNEL = 'agent_slots_freed';
/** An agent opened an assignment stream (`<agent id> <stream id> <opened at>`): older ones of that agent end. */
export const STREAM_OPENED_CHANNEL = 'agent_stream_opened';

export type StreamWake = 'assigned' | 'freed' | 'timeout' | 'aborted';

/**
 * When a stream was opened, on the database's clock (microseconds since the epoch), with its id
 * breaking ties: one order for every replica, whatever order the notifications arrive in.
 */
export interface StreamOpening {
  readonly streamId: string;
  readonly openedAt: bigint;
}

/** True when `other` was opened after `own`, so `own` is the one to end. */
export function isNewerOpening(other: StreamOpening, own: StreamOpening): boolean {
  return other.openedAt > own.openedAt || (other.openedAt === own.openedAt && other.streamId > own.streamId);
}

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
      const [agentId, streamId, openedAt] = (payload ?? '').split(' ');
      if (agentId && streamId && openedAt && /^\d+$/.test(openedAt)) {
        this.emitter.emit(`opened:${agentId}`, { streamId, openedAt: BigInt(openedAt) } satisfies StreamOpening);
      }
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

  /** Calls `onOpened` with every assignment stream the agent opens, on any replica, its own included. */
  onStreamOpened(agentId: string, onOpened: (opening: StreamOpening) => void): () => void {
    this.emitter.on(`opened:${agentId}`, onOpened);
    return () => this.emitter.off(`opened:${agentId}`, onOpened);
  }

  /** After the commit of applied complete or fail reports of the agent. A lost notification only delays the stream until its next poll. */
  async slotsFreed(agentId: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [SLOTS_FREED_CHANNEL, agentId]);
  }

  /** Announces the stream to every replica; its opening time comes from the one clock they share, the database's. */
  async streamOpened(agentId: string, streamId: string): Promise<StreamOpening> {
    const [row] = await this.dataSource.query<{ opened_at: string }[]>(
      `WITH opening AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS opened_at)
       SELECT opened_at, pg_notify($1, $2 || ' ' || opened_at) FROM opening`,
      [STREAM_OPENED_CHANNEL, `${agentId} ${streamId}`],
    );
    if (!row) throw new Error('announcing the assignment stream returned no row');
    return { streamId, openedAt: BigInt(row.opened_at) };
  }
}
