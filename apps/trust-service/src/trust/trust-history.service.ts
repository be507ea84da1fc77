import { Injectable } from '@nestjs/common';
import type { TrustDetailView, TrustHistoryQuery, TrustHistoryView } from '@ains/contracts';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { ProblemException } from '@ains/platform';
import { toTrustChangeView, toTrustDetailView } from './trust.mapper';
import { TrustRepository } from './trust.repository';
import type { TrustScore } from './trust-score.entity';
import { toScore } from './trust-rules';

/** How many of the latest audit records `GET /trust` shows. */
export const RECENT_CHANGES = 10;

const HOUR_MS = 3_600_000;
const TREND_WINDOWS = { change_24h: 24 * HOUR_MS, change_7d: 7 * 24 * HOUR_MS, change_30d: 30 * 24 * HOUR_MS } as const;

/** Reading scores and their history. */
@Injectable()
export class TrustHistoryService {
  constructor(private readonly trust: TrustRepository) {}

  async get(agentId: string): Promise<TrustDetailView> {
    const score = await this.score(agentId);
    return toTrustDetailView(score, await this.trust.history(agentId, { limit: RECENT_CHANGES }));
  }

  async history(agentId: string, query: TrustHistoryQuery): Promise<TrustHistoryView> {
    const score = await this.score(agentId);
    const afterId = query.cursor === undefined ? undefined : this.pageKey(query.cursor);
    const records = await this.trust.history(agentId, {
      limit: query.limit + 1,
      afterId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
    const page = records.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(toTrustChangeView),
      next_cursor: records.length > query.limit && last ? encodeCursor([last.id]) : null,
      trend: await this.trend(score),
    };
  }

  /** Change of the score over each trend window: the score now minus the score then. */
  private async trend(score: TrustScore): Promise<TrustHistoryView['trend']> {
    const now = Date.now();
    const entries = await Promise.all(
      Object.entries(TREND_WINDOWS).map(async ([name, windowMs]) => {
        const then = (await this.trust.scoreAt(score.agentId, new Date(now - windowMs))) ?? score.scoreBp;
        return [name, toScore(score.scoreBp - then)] as const;
      }),
    );
    return Object.fromEntries(entries) as TrustHistoryView['trend'];
  }

  private async score(agentId: string): Promise<TrustScore> {
    const score = await this.trust.findScore(agentId);
    if (!score) throw ProblemException.notFound(`Trust score of agent ${agentId}`);
    return score;
  }

  private pageKey(cursor: string): string {
    const parts = decodeCursor(cursor, 1);
    const id = parts?.[0];
    if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) {
      throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
    }
    return id;
  }
}
