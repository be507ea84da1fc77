import type { TrustChangeView, TrustDetailView } from '@ains/contracts';
import type { TrustRecord } from './trust-record.entity';
import type { TrustScore } from './trust-score.entity';
import { successRate, toScore } from './trust-rules';

export function toTrustChangeView(record: TrustRecord): TrustChangeView {
  return {
    id: record.id,
    event_type: record.eventType,
    task_id: record.taskId,
    delta: toScore(record.deltaBp),
    score_before: record.scoreBeforeBp === null ? null : toScore(record.scoreBeforeBp),
    score_after: toScore(record.scoreAfterBp),
    reason: record.reason,
    actor_key_id: record.actorKeyId,
    created_at: record.createdAt.toISOString(),
  };
}

export function toTrustDetailView(score: TrustScore, recent: TrustRecord[]): TrustDetailView {
  return {
    agent_id: score.agentId,
    score: toScore(score.scoreBp),
    tier: score.tier,
    success_rate: successRate(score.recentOutcomes),
    window_tasks: score.recentOutcomes.length,
    tasks: { completed: score.tasksCompleted, failed: score.tasksFailed, timed_out: score.tasksTimedOut },
    recent_changes: recent.map(toTrustChangeView),
    updated_at: score.updatedAt.toISOString(),
  };
}
