import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Scope } from '@ains/contracts';

@Entity({ schema: 'gateway', name: 'api_keys' })
export class ApiKey {
  /** The public lookup id inside the key. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'text', array: true })
  scopes!: Scope[];

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ name: 'rate_limit_per_minute', type: 'integer' })
  rateLimitPerMinute!: number;

  @Column({ name: 'burst_per_second', type: 'integer', nullable: true })
  burstPerSecond!: number | null;

  @Column({ name: 'key_salt', type: 'text' })
  keySalt!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  /** The secret before the last rotation, accepted until `previousValidUntil`. */
  @Column({ name: 'previous_key_salt', type: 'text', nullable: true })
  previousKeySalt!: string | null;

  @Column({ name: 'previous_key_hash', type: 'text', nullable: true })
  previousKeyHash!: string | null;

  @Column({ name: 'previous_valid_until', type: 'timestamptz', nullable: true })
  previousValidUntil!: Date | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** Client-address ranges the key is accepted from; empty means any address. */
  @Column({ name: 'allowed_cidrs', type: 'text', array: true, default: () => "'{}'" })
  allowedCidrs!: string[];

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
