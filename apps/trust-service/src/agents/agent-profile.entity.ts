import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgentStatus } from '@ains/contracts';

/** What the leaderboard shows and filters on, kept from agent-service's events. */
@Entity({ schema: 'trust', name: 'agent_profiles' })
export class AgentProfile {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'text' })
  status!: AgentStatus;

  /** Time of the agent event the row last reflected (one agent's events arrive in order, once each). */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
