import { z } from 'zod';

/** task-service's own settings; documented in docs/task-service.md. */
export const TaskSettingsConfig = {
  /** How long an assigned agent has to start, and between progress reports while running. */
  TASK_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** How often each replica looks for due leases, execution timeouts and retries. */
  TASK_TIMER_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Due timers handled per transaction. */
  TASK_TIMER_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
  /** Upper bound of a claim's long-poll wait; keep it below the gateway's UPSTREAM_TIMEOUT_MS. */
  TASK_CLAIM_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(8_000),
  /** How often a waiting claim looks again when no assignment notification arrived. */
  TASK_CLAIM_POLL_MS: z.coerce.number().int().min(10).max(10_000).default(1_000),
  /** How long a waiting claim, woken by an assignment, waits for the rest of the dispatch round before answering. */
  TASK_CLAIM_COALESCE_MS: z.coerce.number().int().min(0).max(1_000).default(20),
  /** How long GET /v1/tasks/stats answers from its cache (per client) before reading again. */
  TASK_STATS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Time between the keep-alive comments of an open assignment stream (proxies close silent connections). */
  TASK_STREAM_KEEPALIVE_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** How long a stored Idempotency-Key answers with its original response. */
  TASK_IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
};

export interface TaskSettings {
  TASK_LEASE_MS: number;
  TASK_TIMER_INTERVAL_MS: number;
  TASK_TIMER_BATCH_SIZE: number;
  TASK_CLAIM_MAX_WAIT_MS: number;
  TASK_CLAIM_POLL_MS: number;
  TASK_CLAIM_COALESCE_MS: number;
  TASK_STREAM_KEEPALIVE_MS: number;
  TASK_IDEMPOTENCY_TTL_HOURS: number;
  TASK_STATS_CACHE_MS: number;
  DATABASE_URL: string;
}
