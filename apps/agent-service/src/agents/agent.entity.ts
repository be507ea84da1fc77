import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AgentCapability, AgentStatus } from '@ains/contracts';

@Entity({ schema: 'agent', name: 'agents' })
export class Agent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  endpoint!: string | null;

  /** The client whose key registered the agent; null for agents registered before it was recorded. */
  @Column({ name: 'owner_client_id', type: 'text', nullable: true })
  ownerClientId!: string | null;

  /** Ed25519 public key (base64url of the raw 32 bytes) that verifies the agent's signed reports; null when it signs none. */
  @Column({ name: 'public_key', type: 'text', nullable: true })
  publicKey!: string | null;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'jsonb' })
  capabilities!: AgentCapability[];

  @Column({ name: 'max_concurrency', type: 'integer' })
  maxConcurrency!: number;

  @Column({ type: 'text' })
  status!: AgentStatus;

  @Column({ type: 'jsonb' })
  metadata!: Record<string, unknown>;

  /** Set when a drain is requested; the status is `draining` while the agent is reachable. */
  @Column({ type: 'boolean', default: false })
  draining!: boolean;

  @Column({ name: 'last_heartbeat_at', type: 'timestamptz' })
  lastHeartbeatAt!: Date;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
