import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of the append-only audit trail; the database refuses updates and deletes. */
@Entity({ schema: 'trust', name: 'trust_records' })
export class TrustRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ name: 'delta_bp', type: 'integer' })
  deltaBp!: number;

  @Column({ name: 'score_before_bp', type: 'integer', nullable: true })
  scoreBeforeBp!: number | null;

  @Column({ name: 'score_after_bp', type: 'integer' })
  scoreAfterBp!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
