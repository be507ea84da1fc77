/** A task's story as one ordered list of moments, from the task and its attempts. */

import type { RoutingCandidate } from './candidates';

export interface TimelineAttempt {
  attempt: number;
  agent_id: string;
  assigned_at: string;
  started_at: string | null;
  ended_at: string | null;
  outcome: string | null;
  error: string | null;
  routing: { strategy: string; candidate_count: number; candidates: RoutingCandidate[] } | null;
}

export interface TimelineTask {
  status: string;
  status_reason: string | null;
  created_at: string;
  queued_at: string | null;
  finished_at: string | null;
  attempts: TimelineAttempt[];
}

export interface TimelineEntry {
  at: string;
  title: string;
  detail: string | null;
  attempt: number | null;
  agentId: string | null;
  tone: 'neutral' | 'good' | 'bad';
}

const BAD_OUTCOMES = new Set(['failed', 'timed_out', 'cancelled', 'dead_lettered']);

export function routingReason(routing: TimelineAttempt['routing']): string | null {
  if (!routing) return null;
  const candidates = routing.candidate_count === 1 ? '1 capable agent' : `${routing.candidate_count} capable agents`;
  return `strategy ${routing.strategy}, chosen among ${candidates}`;
}

export function taskTimeline(task: TimelineTask): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: task.created_at, title: 'created', detail: null, attempt: null, agentId: null, tone: 'neutral' }];
  // A retried task is queued again later; the task keeps only its latest queue time.
  if (task.queued_at) entries.push({ at: task.queued_at, title: 'queued', detail: null, attempt: null, agentId: null, tone: 'neutral' });
  for (const attempt of task.attempts) {
    const base = { attempt: attempt.attempt, agentId: attempt.agent_id };
    entries.push({ at: attempt.assigned_at, title: `attempt ${attempt.attempt}: assigned`, detail: routingReason(attempt.routing), tone: 'neutral', ...base });
    if (attempt.started_at) entries.push({ at: attempt.started_at, title: `attempt ${attempt.attempt}: started`, detail: null, tone: 'neutral', ...base });
    if (attempt.ended_at) {
      const outcome = attempt.outcome ?? 'ended';
      entries.push({ at: attempt.ended_at, title: `attempt ${attempt.attempt}: ${outcome.replace('_', ' ')}`, detail: attempt.error, tone: BAD_OUTCOMES.has(outcome) ? 'bad' : outcome === 'completed' ? 'good' : 'neutral', ...base });
    }
  }
  if (task.finished_at) {
    entries.push({ at: task.finished_at, title: task.status.replace('_', ' '), detail: task.status_reason, attempt: null, agentId: null, tone: task.status === 'completed' ? 'good' : BAD_OUTCOMES.has(task.status) ? 'bad' : 'neutral' });
  }
  // Stable sort: moments at the same instant keep the order in which they happen.
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index).map(({ entry }) => entry);
}
