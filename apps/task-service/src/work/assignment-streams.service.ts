import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, ProblemException } from '@ains/platform';
import type { TaskSettings } from '../tasks/task-settings';
import { toTaskView, type TaskRow } from '../tasks/task.row';
import { AssignmentSignals, isNewerOpening, type StreamOpening } from './assignment-signals';
import { WorkService } from './work.service';

/**
 * Assignment streams: server-sent events on which an agent's tasks are pushed as they are assigned.
 * Each stream loops "claim and start up to the agent's free slots, send each task as an event,
 * wait for an assignment or an applied outcome (NOTIFY, with the claim poll as a fallback)". A
 * task is pushed only while the stream is open and not replaced; one whose event could not be
 * written goes back to routing. One stream per agent: opening one ends the agent's older stream
 * on whichever replica holds it.
 */
@Injectable()
export class AssignmentStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<AbortController>();
  /** Set when shutdown begins: a stream opened after that would never be ended, and would hold the HTTP server open. */
  private closing = false;

  constructor(
    private readonly work: WorkService,
    private readonly signals: AssignmentSignals,
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Takes the reply over and keeps it open until the client leaves, a newer stream replaces it, or shutdown. */
  async serve(agentId: string, slots: number, reply: FastifyReply): Promise<void> {
    if (this.closing) throw ProblemException.serviceUnavailable('The service is shutting down; connect again or claim.', 1);
    const raw = reply.raw;
    const streamId = randomUUID();
    const closed = new AbortController();
    const close = (): void => closed.abort();
    raw.once('close', close);
    // Notifications arrive in any order: a stream ends only for one opened after it, and those
    // heard before its own opening time is known are kept until it is.
    let own: StreamOpening | undefined;
    const heard: StreamOpening[] = [];
    const stopListening = this.signals.onStreamOpened(agentId, (other) => {
      if (other.streamId === streamId) return;
      if (own === undefined) heard.push(other);
      else if (isNewerOpening(other, own)) close();
    });
    this.open.add(closed);
    const release = (): void => {
      stopListening();
      this.open.delete(closed);
      raw.off('close', close);
    };
    // Announced before the answer starts, so a stream the agent opens after seeing this one answer
    // is announced later, on the database's clock, and is the one that stays.
    try {
      const opening = await this.signals.streamOpened(agentId, streamId);
      own = opening;
      if (heard.some((other) => isNewerOpening(other, opening))) close();
    } catch (error) {
      release();
      throw error;
    }
    reply.hijack();
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    // The first bytes send the headers: the gateway and the client know at once that the stream is up.
    raw.write(': assignments\n\n');
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), this.settings.TASK_STREAM_KEEPALIVE_MS);
    try {
      await this.pushUntilClosed(agentId, slots, raw, closed.signal);
    } catch (error) {
      this.logger.warn({ err: error, agentId }, 'assignment stream failed; closing it (the agent connects again or long-polls)');
    } finally {
      clearInterval(keepAlive);
      release();
      if (!raw.writableEnded) raw.end();
    }
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const stream of this.open) stream.abort();
  }

  private async pushUntilClosed(agentId: string, slots: number, raw: ServerResponse, closed: AbortSignal): Promise<void> {
    while (!closed.aborted) {
      const started = await this.work.claimForFreeSlots(agentId, slots);
      if (started.length > 0) {
        await this.deliver(agentId, started, raw, closed);
        continue;
      }
      const wake = await this.signals.waitForStream(agentId, this.settings.TASK_CLAIM_POLL_MS, closed);
      // As for claims: the assignments of one dispatch round travel together.
      if (wake === 'assigned') await delay(this.settings.TASK_CLAIM_COALESCE_MS);
    }
  }

  private async deliver(agentId: string, started: readonly TaskRow[], raw: ServerResponse, closed: AbortSignal): Promise<void> {
    const undelivered: TaskRow[] = [];
    for (const task of started) {
      if (closed.aborted || !(await write(raw, assignmentEvent(task)))) undelivered.push(task);
    }
    if (undelivered.length === 0) return;
    this.logger.info({ agentId, tasks: undelivered.map((task) => task.id) }, 'assignment stream closed before these tasks were delivered: queued again');
    await this.work.releaseUndelivered(agentId, undelivered);
  }
}

/** `id` names the attempt, so an agent can tell a task pushed again (a later attempt) from a repeat. */
export function assignmentEvent(task: TaskRow): string {
  return `event: assignment\nid: ${task.id}:${task.attempt}\ndata: ${JSON.stringify(toTaskView(task))}\n\n`;
}

/** True once the event is handed to the connection; false when the connection is gone. */
function write(raw: ServerResponse, text: string): Promise<boolean> {
  if (raw.destroyed || raw.writableEnded) return Promise.resolve(false);
  return new Promise((resolve) => raw.write(text, (error) => resolve(!error)));
}
