import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of the append-only audit trail; the database refuses updates and deletes. */
@Entity({ schema: 'trust', name: 'trust_records' })
export class TrustRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  /** The CloudEvent type that caused the change, or `manual_override`. */
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

  /** The consumed event's id; null for manual overrides. */
  @Column({ name: 'source_event_id', type: 'uuid', nullable: true })
  sourceEventId!: string | null;

  /** Who made a manual override (tenant and API key); null for automatic changes. */
  @Column({ name: 'actor_client_id', type: 'text', nullable: true })
  actorClientId!: string | null;

  @Column({ name: 'actor_key_id', type: 'text', nullable: true })
  actorKeyId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export type NewTrustRecord = Omit<TrustRecord, 'id' | 'createdAt'>;
