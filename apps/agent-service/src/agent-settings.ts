import type { DestinationPolicy } from '@ains/platform';

/** agent-service's own settings, derived from its validated configuration (see service.ts). */
export interface AgentSettings {
  /** An agent without a heartbeat for this long goes offline. */
  heartbeatTimeoutMs: number;
  livenessSweepIntervalMs: number;
  cacheTtlSeconds: number;
  /** How long a page of the agent list may be served from this process's cache; 0 turns it off. */
  listCacheTtlMs: number;
  /** Weight of the newest completion time in the moving average (0..1]. */
  completionAverageAlpha: number;
  /** Which hosts an agent's `endpoint` may name: the webhook destination rules. */
  endpointPolicy: DestinationPolicy;
}

export const AGENT_SETTINGS = Symbol('AGENT_SETTINGS');
