import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TrustTier } from './trust-rules';

/** An agent's current score: one row per agent, changed only under a row lock. */
@Entity({ schema: 'trust', name: 'trust_scores' })
export class TrustScore {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  /** Basis points, 0..10000. */
  @Column({ name: 'score_bp', type: 'integer' })
  scoreBp!: number;

  @Column({ type: 'text' })
  tier!: TrustTier;

  /** The performance-bonus window: the last finished tasks, oldest first, `1` success, `0` not. */
  @Column({ name: 'recent_outcomes', type: 'text' })
  recentOutcomes!: string;

  @Column({ name: 'tasks_completed', type: 'integer' })
  tasksCompleted!: number;

  @Column({ name: 'tasks_failed', type: 'integer' })
  tasksFailed!: number;

  @Column({ name: 'tasks_timed_out', type: 'integer' })
  tasksTimedOut!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
