import { publicKeyFingerprint, type RetryPolicyInput, type RoutingCandidate, type RoutingHintsInput, type TaskDetailView, type TaskStatus, type TaskView } from '@ains/contracts';

/** A row of task.tasks as the driver returns it. */
export interface TaskRow {
  id: string;
  client_id: string;
  task_type: string;
  status: TaskStatus;
  status_reason: string | null;
  priority: number;
  effective_priority: number;
  input: Record<string, unknown>;
  depends_on: string[];
  routing: RoutingHintsInput;
  timeout_seconds: number;
  retry_policy: RetryPolicyInput;
  labels: Record<string, string>;
  metadata: Record<string, unknown>;
  chain_id: string | null;
  chain_step: number | null;
  template_id: string | null;
  schedule_id: string | null;
  schedule_fire_time: Date | null;
  attempt: number;
  failures: number;
  excluded_agent_ids: string[];
  assigned_agent_id: string | null;
  claimed_at: Date | null;
  lease_expires_at: Date | null;
  deadline_at: Date | null;
  retry_at: Date | null;
  progress: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error: string | null;
  created_at: Date;
  queued_at: Date | null;
  assigned_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface AttemptRow {
  task_id: string;
  attempt: number;
  agent_id: string;
  assigned_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  outcome: 'completed' | 'failed' | 'timed_out' | 'requeued' | 'cancelled' | null;
  error: string | null;
  routing_strategy: string | null;
  routing_candidates: number | null;
  /** The verified signature of the report that ended the attempt, and the key that verified it. */
  signature: string | null;
  signature_public_key: string | null;
  reported_retryable: boolean | null;
  /** The candidates routing ranked, as its decision event carried them; null before they were recorded. */
  routing_ranking: RoutingCandidate[] | null;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toTaskView(task: TaskRow): TaskView {
  return {
    id: task.id,
    task_type: task.task_type,
    status: task.status,
    status_reason: task.status_reason,
    priority: task.priority,
    effective_priority: task.effective_priority,
    input: task.input,
    depends_on: task.depends_on,
    routing: task.routing,
    timeout_seconds: task.timeout_seconds,
    retry_policy: task.retry_policy,
    labels: task.labels,
    metadata: task.metadata,
    chain_id: task.chain_id,
    chain_step: task.chain_step,
    template_id: task.template_id,
    schedule_id: task.schedule_id,
    attempt: task.attempt,
    assigned_agent_id: task.assigned_agent_id,
    lease_expires_at: iso(task.lease_expires_at),
    retry_at: iso(task.retry_at),
    progress: task.progress,
    result: task.result,
    error: task.error,
    created_at: task.created_at.toISOString(),
    queued_at: iso(task.queued_at),
    assigned_at: iso(task.assigned_at),
    started_at: iso(task.started_at),
    finished_at: iso(task.finished_at),
    duration_ms: task.started_at && task.finished_at ? task.finished_at.getTime() - task.started_at.getTime() : null,
  };
}

/**
 * Agents are a shared fleet, readable by every key with `agents:read` (docs/agent-service.md). A
 * key without it learns the chosen agent of its own task's attempt anyway; the other candidates'
 * ids are withheld from it (their scores stay).
 */
export function toTaskDetailView(task: TaskRow, attempts: AttemptRow[], agentsVisible: boolean): TaskDetailView {
  return {
    ...toTaskView(task),
    attempts: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      agent_id: attempt.agent_id,
      assigned_at: attempt.assigned_at.toISOString(),
      started_at: iso(attempt.started_at),
      ended_at: iso(attempt.ended_at),
      outcome: attempt.outcome,
      error: attempt.error,
      routing:
        attempt.routing_strategy === null
          ? null
          : { strategy: attempt.routing_strategy, candidate_count: attempt.routing_candidates ?? 0, candidates: candidatesView(attempt.routing_ranking ?? [], attempt.agent_id, agentsVisible) },
      signature: signatureView(attempt),
    })),
  };
}

function signatureView(attempt: AttemptRow): TaskDetailView['attempts'][number]['signature'] {
  if (attempt.signature === null || attempt.signature_public_key === null) return null;
  return {
    algorithm: 'ed25519',
    value: attempt.signature,
    public_key: attempt.signature_public_key,
    key_fingerprint: publicKeyFingerprint(attempt.signature_public_key),
    report: attempt.outcome === 'failed' ? 'fail' : 'complete',
    retryable: attempt.reported_retryable,
  };
}

function candidatesView(ranking: RoutingCandidate[], chosenAgentId: string, agentsVisible: boolean): NonNullable<TaskDetailView['attempts'][number]['routing']>['candidates'] {
  return ranking.map(({ agentId, score, factors }) => {
    const chosen = agentId === chosenAgentId;
    return { agent_id: chosen || agentsVisible ? agentId : null, score, factors, chosen };
  });
}
