import { messagingTablesMigration } from '@ains/messaging';
import { CreateAgents1764140000000 } from './1764140000000-create-agents';
import { LivenessAndLoad1764150000000 } from './1764150000000-liveness-and-load';
import { AgentOwner1764900000000 } from './1764900000000-agent-owner';
import { AgentPublicKey1765000000000 } from './1765000000000-agent-public-key';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('agent', 1764130000000), CreateAgents1764140000000, LivenessAndLoad1764150000000, AgentOwner1764900000000, AgentPublicKey1765000000000];
