import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@ains/contracts';
import { OutboxWriter, TransactionRunner, type NewEvent } from '@ains/messaging';
import { ProblemException } from '@ains/platform';
import { applyOverride, applyTaskOutcome, formatDelta, INITIAL_SCORE_BP, tierOf, toScore, type Override, type TaskOutcome } from './trust-rules';
import { TrustRepository } from './trust.repository';
import type { NewTrustRecord } from './trust-record.entity';
import type { TrustScore } from './trust-score.entity';

/** A terminal task event that names the agent that ran it. */
export interface FinishedTask {
  agentId: string;
  taskId: string;
  outcome: TaskOutcome;
  eventId: string;
  eventType: string;
}

export const MANUAL_OVERRIDE = 'manual_override';

type ChangeRecord = Omit<NewTrustRecord, 'agentId' | 'deltaBp' | 'scoreBeforeBp' | 'scoreAfterBp'>;

/** One step of a score, with what the audit trail says about it. */
interface ScoreChange {
  before: TrustScore;
  after: TrustScore;
  record: ChangeRecord;
}

const OUTCOME_COUNTER = { completed: 'tasksCompleted', failed: 'tasksFailed', timed_out: 'tasksTimedOut' } as const;

/**
 * Every change of a score: under the score row's lock, the new score, one audit record and the
 * events, in the transaction of the consumed event (inbox) or of the override request.
 */
@Injectable()
export class TrustService {
  constructor(
    private readonly trust: TrustRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * An agent starts at 0.5, with the first entry of its audit trail. Normally on registration;
   * a task outcome that overtakes the registration (another topic) creates it as well.
   */
  async initialise(manager: EntityManager, agentId: string, source: { eventId: string; eventType: string; reason: string }): Promise<void> {
    const created = await this.trust.createScore(manager, agentId, INITIAL_SCORE_BP, tierOf(INITIAL_SCORE_BP));
    if (!created) return;
    const [changedAt] = await this.trust.appendRecords(manager, [
      {
        agentId,
        eventType: source.eventType,
        taskId: null,
        deltaBp: 0,
        scoreBeforeBp: null,
        scoreAfterBp: INITIAL_SCORE_BP,
        reason: source.reason,
        sourceEventId: source.eventId,
        actorClientId: null,
        actorKeyId: null,
      },
    ]);
    await this.outbox.append(manager, {
      type: 'ains.trust.score_changed.v1',
      subject: agentId,
      data: { agentId, scoreBp: INITIAL_SCORE_BP, previousScoreBp: null, tier: tierOf(INITIAL_SCORE_BP), reason: source.reason, taskId: null, changedAt: changedAt.toISOString() },
    });
  }

  /**
   * Applies a batch of finished tasks to their agents' scores, in order, inside the inbox
   * transaction: the agents' rows are locked together (in one order, so concurrent batches cannot
   * deadlock), each outcome moves the score in memory exactly as one at a time would, and then each
   * agent's row is written once and the audit records and events of the whole batch are inserted
   * together.
   */
  async applyTaskOutcomes(manager: EntityManager, tasks: readonly FinishedTask[]): Promise<void> {
    if (tasks.length === 0) return;
    const firstOutcome = new Map<string, FinishedTask>();
    for (const task of tasks) if (!firstOutcome.has(task.agentId)) firstOutcome.set(task.agentId, task);
    for (const [agentId, first] of [...firstOutcome].sort(([a], [b]) => a.localeCompare(b))) {
      await this.initialise(manager, agentId, { eventId: first.eventId, eventType: first.eventType, reason: 'initial score: a task outcome arrived before the registration' });
    }
    const scores = new Map((await this.trust.lockScores(manager, [...firstOutcome.keys()])).map((score) => [score.agentId, score]));
    const before = new Map(scores);
    const changes: ScoreChange[] = [];
    for (const task of tasks) {
      const score = scores.get(task.agentId);
      if (!score) throw new Error(`trust score of agent ${task.agentId} vanished inside its transaction`);
      const change = applyTaskOutcome({ scoreBp: score.scoreBp, window: score.recentOutcomes }, task.outcome);
      const counter = OUTCOME_COUNTER[task.outcome];
      const next = { ...score, scoreBp: change.scoreBp, tier: tierOf(change.scoreBp), recentOutcomes: change.window, [counter]: score[counter] + 1 };
      scores.set(task.agentId, next);
      changes.push({ before: score, after: next, record: { eventType: task.eventType, taskId: task.taskId, reason: change.reason, sourceEventId: task.eventId, actorClientId: null, actorKeyId: null } });
    }
    for (const [agentId, score] of scores) if (score !== before.get(agentId)) await this.trust.saveScore(manager, score);
    await this.record(manager, changes);
  }

  /** A manual override by a `trust:admin` key, recorded with that key. */
  override(agentId: string, override: Override, reason: string, caller: Caller): Promise<void> {
    return this.transactions.run(async (manager) => {
      const score = await this.trust.lockScore(manager, agentId);
      if (!score) throw ProblemException.notFound(`Trust score of agent ${agentId}`);
      const scoreBp = applyOverride(score.scoreBp, override);
      const what = override.kind === 'set' ? `set to ${toScore(override.scoreBp)}` : `shifted by ${formatDelta(override.deltaBp)}`;
      await this.change(manager, score, { ...score, scoreBp }, {
        eventType: MANUAL_OVERRIDE,
        taskId: null,
        reason: `manual override (${what}): ${reason}`,
        sourceEventId: null,
        actorClientId: caller.clientId,
        actorKeyId: caller.keyId,
      });
    });
  }

  /** Stores one change of a score (an override) with its audit record and events. */
  private async change(manager: EntityManager, before: TrustScore, after: TrustScore, record: ChangeRecord): Promise<void> {
    const next = { ...after, tier: tierOf(after.scoreBp) };
    await this.trust.saveScore(manager, next);
    await this.record(manager, [{ before, after: next, record }]);
  }

  /**
   * Appends the changes' audit records and their events: `score_changed` when the score moved and
   * `tier_changed` when it crossed a tier boundary. An outcome that leaves the score at a bound is
   * still recorded, so the trail explains every event.
   */
  private async record(manager: EntityManager, changes: readonly ScoreChange[]): Promise<void> {
    const times = await this.trust.appendRecords(
      manager,
      changes.map(({ before, after, record }) => ({ ...record, agentId: before.agentId, deltaBp: after.scoreBp - before.scoreBp, scoreBeforeBp: before.scoreBp, scoreAfterBp: after.scoreBp })),
    );
    const events: NewEvent[] = [];
    changes.forEach(({ before, after, record }, i) => {
      const { agentId } = before;
      const changedAt = times[i].toISOString();
      if (after.scoreBp !== before.scoreBp) {
        events.push({
          type: 'ains.trust.score_changed.v1',
          subject: agentId,
          data: { agentId, scoreBp: after.scoreBp, previousScoreBp: before.scoreBp, tier: after.tier, reason: record.reason, taskId: record.taskId, changedAt },
        });
      }
      if (after.tier !== before.tier) {
        events.push({ type: 'ains.trust.tier_changed.v1', subject: agentId, data: { agentId, tier: after.tier, previousTier: before.tier, scoreBp: after.scoreBp, changedAt } });
      }
    });
    if (events.length > 0) await this.outbox.append(manager, ...events);
  }
}
