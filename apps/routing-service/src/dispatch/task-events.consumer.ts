import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent, EventType } from '@ains/contracts';
import { EventConsumer, applyInOrder, type ConsumerTransaction, type EventHandlers } from '@ains/messaging';
import { FleetRepository } from '../read-model/fleet.repository';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import { CompletionTimes } from '../read-model/completion-times';
import { BackpressureService } from './backpressure.service';
import { DispatcherService } from './dispatcher.service';
import { QueueRepository } from './queue.repository';
import { TaskLifecycleService } from './task-lifecycle.service';

/**
 * Task events feed the dispatch queue, a batch at a time under the dispatch lock (so a batch and a
 * dispatch round never interleave their row locks). Each event is applied in order; what concerns the batch as a
 * whole is done once at its end: the queue depth checked for backpressure, completion times folded
 * into each agent's average with one update, and the dispatcher woken after the commit (every
 * handled event either queues work or frees a slot).
 */
/** What a batch's events leave to be done once at its end. */
interface BatchEffects {
  completions: CompletionTimes;
  depthChanged: boolean;
}

@Injectable()
export class TaskEventsConsumer extends EventConsumer {
  readonly eventTypes: readonly EventType[];

  constructor(
    private readonly tasks: TaskLifecycleService,
    private readonly fleet: FleetRepository,
    private readonly backpressure: BackpressureService,
    private readonly dispatcher: DispatcherService,
    private readonly queue: QueueRepository,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {
    super();
    this.eventTypes = Object.keys(this.handlers(this.newBatch())) as EventType[];
  }

  /** A task created waiting for dependencies is queued later by its own event. */
  override concerns(type: EventType, data: unknown): boolean {
    return type !== 'ains.task.created.v1' || Boolean((data as { queued?: unknown } | null)?.queued);
  }

  async handle(events: readonly CloudEvent[], tx: ConsumerTransaction): Promise<void> {
    const { manager } = tx;
    await this.queue.waitForDispatchLock(manager);
    const batch = this.newBatch();
    const handlers = this.handlers(batch);
    await applyInOrder(events, handlers, manager);
    for (const fold of batch.completions.folds()) await this.fleet.foldCompletions(manager, fold);
    if (batch.depthChanged) await this.backpressure.evaluate(manager);
    tx.afterCommit(() => this.dispatcher.wake());
  }

  private newBatch(): BatchEffects {
    return { completions: new CompletionTimes(this.settings.completionAverageAlpha), depthChanged: false };
  }

  private handlers(batch: BatchEffects): EventHandlers {
    const queueChanged = async (work: Promise<unknown>) => {
      await work;
      batch.depthChanged = true;
    };
    return {
      'ains.task.created.v1': async (event, manager) => {
        if (await this.tasks.onCreated(event, manager)) batch.depthChanged = true;
      },
      'ains.task.queued.v1': (event, manager) => queueChanged(this.tasks.onQueued(event, manager)),
      'ains.task.priority_changed.v1': (event, manager) => this.tasks.onPriorityChanged(event, manager),
      'ains.task.assigned.v1': (event, manager) => this.tasks.onAssigned(event, manager),
      'ains.task.completed.v1': async (event, manager) => {
        await this.tasks.onCompleted(event, manager);
        batch.completions.add(event.data.agentId, event.data.durationMs);
      },
      'ains.task.failed.v1': (event, manager) => queueChanged(this.tasks.onAttemptEnded(event, manager)),
      'ains.task.timed_out.v1': (event, manager) => queueChanged(this.tasks.onAttemptEnded(event, manager)),
      'ains.task.cancelled.v1': (event, manager) => queueChanged(this.tasks.onTaskEnded(event, manager)),
      'ains.task.dead_lettered.v1': (event, manager) => queueChanged(this.tasks.onTaskEnded(event, manager)),
    };
  }
}
