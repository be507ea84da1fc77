import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '@ains/messaging';
import { ProblemException } from '@ains/platform';
import { INITIAL_SCORE_BP, tierOf } from './trust-rules';
import { TrustRepository } from './trust.repository';
import type { TrustScore } from './trust-score.entity';

@Injectable()
export class TrustService {
  constructor(
    private readonly trust: TrustRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A newly registered agent starts at 0.5, with the first entry of its audit trail. */
  async initialise(agentId: string, manager: EntityManager): Promise<void> {
    const now = new Date();
    const created = await this.trust.createScore(manager, { agentId, scoreBp: INITIAL_SCORE_BP, tier: tierOf(INITIAL_SCORE_BP), updatedAt: now });
    if (!created) return;
    await this.trust.appendRecord(manager, {
      agentId,
      eventType: 'ains.agent.registered.v1',
      taskId: null,
      deltaBp: 0,
      scoreBeforeBp: null,
      scoreAfterBp: INITIAL_SCORE_BP,
      reason: 'agent registered: initial score',
      createdAt: now,
    });
    await this.outbox.append(manager, {
      type: 'ains.trust.score_changed.v1',
      subject: agentId,
      data: { agentId, scoreBp: INITIAL_SCORE_BP, previousScoreBp: null, reason: 'initial score', changedAt: now.toISOString() },
    });
  }

  async get(agentId: string): Promise<TrustScore> {
    const score = await this.trust.findScore(agentId);
    if (!score) throw ProblemException.notFound(`Trust score of agent ${agentId}`);
    return score;
  }
}
