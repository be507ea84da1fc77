import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@ains/contracts';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
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
    const changedAt = await this.trust.appendRecord(manager, {
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
    });
    await this.outbox.append(manager, {
      type: 'ains.trust.score_changed.v1',
      subject: agentId,
      data: { agentId, scoreBp: INITIAL_SCORE_BP, previousScoreBp: null, tier: tierOf(INITIAL_SCORE_BP), reason: source.reason, taskId: null, changedAt: changedAt.toISOString() },
    });
  }

  /** Applies a finished task to its agent's score; runs inside the inbox transaction. */
  async applyTaskOutcome(manager: EntityManager, task: FinishedTask): Promise<void> {
    await this.initialise(manager, task.agentId, { eventId: task.eventId, eventType: task.eventType, reason: 'initial score: a task outcome arrived before the registration' });
    const score = await this.lockedScore(manager, task.agentId);
    const change = applyTaskOutcome({ scoreBp: score.scoreBp, window: score.recentOutcomes }, task.outcome);
    const counter = OUTCOME_COUNTER[task.outcome];
    await this.change(manager, score, { ...score, scoreBp: change.scoreBp, recentOutcomes: change.window, [counter]: score[counter] + 1 }, {
      eventType: task.eventType,
      taskId: task.taskId,
      reason: change.reason,
      sourceEventId: task.eventId,
      actorClientId: null,
      actorKeyId: null,
    });
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

  private async lockedScore(manager: EntityManager, agentId: string): Promise<TrustScore> {
    const score = await this.trust.lockScore(manager, agentId);
    if (!score) throw new Error(`trust score of agent ${agentId} vanished inside its transaction`);
    return score;
  }

  /**
   * Stores the new state and its audit record; publishes `score_changed` when the score moved and
   * `tier_changed` when it crossed a tier boundary. An outcome that leaves the score at a bound
   * is still recorded, so the trail explains every event.
   */
  private async change(manager: EntityManager, before: TrustScore, after: TrustScore, record: Omit<NewTrustRecord, 'agentId' | 'deltaBp' | 'scoreBeforeBp' | 'scoreAfterBp'>): Promise<void> {
    const next = { ...after, tier: tierOf(after.scoreBp) };
    await this.trust.saveScore(manager, next);
    const changedAt = await this.trust.appendRecord(manager, {
      ...record,
      agentId: before.agentId,
      deltaBp: next.scoreBp - before.scoreBp,
      scoreBeforeBp: before.scoreBp,
      scoreAfterBp: next.scoreBp,
    });
    const { agentId } = before;
    if (next.scoreBp !== before.scoreBp) {
      await this.outbox.append(manager, {
        type: 'ains.trust.score_changed.v1',
        subject: agentId,
        data: { agentId, scoreBp: next.scoreBp, previousScoreBp: before.scoreBp, tier: next.tier, reason: record.reason, taskId: record.taskId, changedAt: changedAt.toISOString() },
      });
    }
    if (next.tier !== before.tier) {
      await this.outbox.append(manager, {
        type: 'ains.trust.tier_changed.v1',
        subject: agentId,
        data: { agentId, tier: next.tier, previousTier: before.tier, scoreBp: next.scoreBp, changedAt: changedAt.toISOString() },
      });
    }
  }
}
