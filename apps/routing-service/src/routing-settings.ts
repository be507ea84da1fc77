import type { AgeBoostPolicy } from './dispatch/queue-order.rules';

/** routing-service's own settings, derived from its validated configuration (see service.ts). */
export interface RoutingSettings {
  defaultStrategy: string;
  dispatchIntervalMs: number;
  /** Most decisions one dispatch transaction makes before committing and starting another. */
  dispatchBatchSize: number;
  /** How many tasks of each priority level a round reads at a time, head first. */
  dispatchWindowPerPriority: number;
  /** Most tasks one round reads while looking past tasks no agent can take. */
  dispatchScanLimit: number;
  ageBoost: AgeBoostPolicy;
  backpressureLimit: number;
  backpressureReleaseDepth: number;
  backpressureRetryAfterSeconds: number;
  /** A decision task-service has not applied after this long frees its slot. */
  decisionConfirmTimeoutMs: number;
  /** Weight of the newest completion time in the moving average (0..1]. */
  completionAverageAlpha: number;
}

export const ROUTING_SETTINGS = Symbol('ROUTING_SETTINGS');
