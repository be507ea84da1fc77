import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'trust', name: 'trust_scores' })
export class TrustScore {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  /** Basis points, 0..10000. */
  @Column({ name: 'score_bp', type: 'integer' })
  scoreBp!: number;

  @Column({ type: 'text' })
  tier!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
