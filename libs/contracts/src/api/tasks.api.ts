import { z } from 'zod';
import { TaskStatusSchema } from '../events/task.events';
import type { ApiOperation } from './api-operation';
import { PageQuery, ProblemSchema, jsonObject, pageOf, uniqueTaskIds, uuidParam } from './common.schemas';

/** Public API of task-service: tasks, batches, templates, chains and the agent work protocol. */

const NAME = /^[a-z0-9][a-z0-9._:-]*$/;
const name = (max = 64) => z.string().min(1).max(max).regex(NAME, 'must be lowercase letters, digits and . _ : -');
const isoTime = () => z.iso.datetime({ offset: true });

export const RetryPolicyInput = z.strictObject({
  max_attempts: z.int().min(1).max(20).default(3),
  backoff_base_ms: z.int().min(0).max(3_600_000).default(1_000),
  backoff_max_ms: z.int().min(0).max(86_400_000).default(60_000),
  /** Fraction of each delay that is randomised (0 = none, 1 = full jitter). */
  jitter: z.number().min(0).max(1).default(0.2),
});
export type RetryPolicyInput = z.infer<typeof RetryPolicyInput>;

export const RoutingHintsInput = z.strictObject({
  required_tags: z.array(name()).max(20).default([]),
  capabilities: z.array(z.strictObject({ name: name(), range: z.string().min(1).max(64) })).max(20).default([]),
  min_trust: z.number().min(0).max(1).nullable().default(null),
  strategy: name(32).nullable().default(null),
});
export type RoutingHintsInput = z.infer<typeof RoutingHintsInput>;

const Labels = z.record(name(), z.string().max(256)).refine((labels) => Object.keys(labels).length <= 32, { message: 'must have at most 32 labels' });

const Priority = z.int().min(1).max(10);
const TimeoutSeconds = z.int().min(1).max(86_400);

/** The fields of a task a client chooses, with their defaults; shared by tasks and batch items. */
const taskFields = {
  task_type: name(),
  priority: Priority.default(5),
  input: jsonObject(65_536).default({}),
  routing: RoutingHintsInput.default(() => RoutingHintsInput.parse({})),
  timeout_seconds: TimeoutSeconds.default(300),
  retry_policy: RetryPolicyInput.default(() => RetryPolicyInput.parse({})),
  labels: Labels.default({}),
  metadata: jsonObject(16_384).default({}),
};

export const CreateTaskBody = z.strictObject({
  ...taskFields,
  depends_on: uniqueTaskIds(100).default([]),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const BatchTaskItem = CreateTaskBody.extend({
  /** A client-side reference, unique within the batch, that other items may depend on. */
  ref: z.string().min(1).max(64).optional(),
  depends_on_refs: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export type BatchTaskItem = z.infer<typeof BatchTaskItem>;

export const CreateTaskBatchBody = z.strictObject({ tasks: z.array(BatchTaskItem).min(1).max(1_000) });
export type CreateTaskBatchBody = z.infer<typeof CreateTaskBatchBody>;

export const TaskListQuery = PageQuery.extend({
  status: TaskStatusSchema.optional(),
  task_type: name().optional(),
  priority_min: z.coerce.number().int().min(1).max(10).optional(),
  priority_max: z.coerce.number().int().min(1).max(10).optional(),
  created_after: isoTime().optional(),
  created_before: isoTime().optional(),
  agent_id: z.uuid().optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskAttemptSchema = z.object({
  attempt: z.int(),
  agent_id: z.uuid(),
  assigned_at: isoTime(),
  started_at: isoTime().nullable(),
  ended_at: isoTime().nullable(),
  outcome: z.enum(['completed', 'failed', 'timed_out', 'requeued', 'cancelled']).nullable(),
  error: z.string().nullable(),
  /**
   * Why this attempt went to its agent: routing's strategy, how many capable agents it chose from
   * and the best-ranked of them with their scores.
   */
  routing: z
    .object({
      strategy: z.string(),
      candidate_count: z.int(),
      candidates: z
        .array(
          z.object({
            agent_id: z.uuid().nullable().meta({ description: 'null for an agent other than the chosen one when the key may not read agents (`agents:read`)' }),
            score: z.number().meta({ description: 'from 0 to 1, higher preferred by the strategy' }),
            factors: z.record(z.string(), z.number()).meta({ description: 'the figures the score comes from, e.g. `trust`, `active_tasks`, `avg_completion_ms`, `position`' }),
            chosen: z.boolean(),
          }),
        )
        .meta({ description: 'Up to 5, best first; the chosen agent is always among them. Empty for decisions recorded before candidates were.' }),
    })
    .nullable(),
  /**
   * The agent's Ed25519 signature of the report that ended this attempt (`complete` or `fail`), with
   * the public key that verified it: anyone can check it again over the report's signing text
   * (`reportSigningText` of @ains/sdk) built from the task id, this attempt and the task's result
   * or this attempt's error. Null when the agent had no public key.
   */
  signature: z
    .object({
      algorithm: z.literal('ed25519'),
      /** base64url of the 64-byte signature. */
      value: z.string(),
      /** base64url of the raw 32-byte public key that verified it. */
      public_key: z.string(),
      /** SHA-256 of the raw public key, lowercase hex. */
      key_fingerprint: z.string(),
      /** What was signed: `complete` or `fail`. */
      report: z.enum(['complete', 'fail']),
      retryable: z.boolean().nullable(),
    })
    .nullable(),
});

export const TaskSchema = z.object({
  id: z.uuid(),
  task_type: z.string(),
  status: TaskStatusSchema,
  status_reason: z.string().nullable(),
  priority: z.int(),
  effective_priority: z.int(),
  input: z.record(z.string(), z.unknown()),
  depends_on: z.array(z.uuid()),
  routing: RoutingHintsInput,
  timeout_seconds: z.int(),
  retry_policy: RetryPolicyInput,
  labels: z.record(z.string(), z.string()),
  metadata: z.record(z.string(), z.unknown()),
  chain_id: z.uuid().nullable(),
  chain_step: z.int().nullable(),
  template_id: z.uuid().nullable(),
  schedule_id: z.uuid().nullable(),
  attempt: z.int(),
  assigned_agent_id: z.uuid().nullable(),
  lease_expires_at: isoTime().nullable(),
  retry_at: isoTime().nullable(),
  progress: z.record(z.string(), z.unknown()).nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  created_at: isoTime(),
  queued_at: isoTime().nullable(),
  assigned_at: isoTime().nullable(),
  started_at: isoTime().nullable(),
  finished_at: isoTime().nullable(),
  duration_ms: z.int().nullable(),
});
export type TaskView = z.infer<typeof TaskSchema>;

export const TaskDetailSchema = TaskSchema.extend({ attempts: z.array(TaskAttemptSchema) });
export type TaskDetailView = z.infer<typeof TaskDetailSchema>;

// --- statistics ------------------------------------------------------------------------------

/** Each state's count stops here: the statistics cost the same however many tasks there are. */
export const TASK_STATS_COUNT_LIMIT = 100_000;
export const TASK_STATS_BUCKETS = 60;
export const TASK_STATS_BUCKET_SECONDS = 60;

export const TaskStatsSchema = z.object({
  scope: z.enum(['client', 'all']).meta({ description: '`client`: the caller’s own tasks; `all`: every client’s (an `admin` key)' }),
  generated_at: isoTime(),
  count_limit: z.int().meta({ description: 'a count equal to this means at least this many' }),
  by_status: z.record(TaskStatusSchema, z.int()).meta({ description: 'tasks in each state now' }),
  queue: z.object({
    depth: z.int(),
    oldest_queued_at: isoTime().nullable(),
    by_priority: z
      .array(z.object({ priority: z.int(), count: z.int(), oldest_queued_at: isoTime().nullable(), oldest_age_ms: z.int().nullable() }))
      .meta({ description: 'queued tasks per effective priority, 10 entries from 10 down to 1' }),
  }),
  last_hour: z.object({
    bucket_seconds: z.int(),
    buckets: z
      .array(z.object({ start: isoTime(), created: z.int(), completed: z.int(), failed: z.int() }))
      .meta({ description: 'oldest first; the last one is the current minute, so far. `failed`: tasks that ended failed, timed out or dead-lettered with no retry due' }),
  }),
});
export type TaskStatsView = z.infer<typeof TaskStatsSchema>;

export const TaskBatchSchema = z.object({ data: z.array(TaskSchema.extend({ ref: z.string().nullable() })) });

/** Bodies that may be left out entirely default to their empty form. */
export const CancelTaskBody = z.strictObject({ reason: z.string().min(1).max(500).default('cancelled by client') }).prefault({});

// --- templates -------------------------------------------------------------------------------

/**
 * Defaults a template gives every task made from it, and the overrides of an instantiation: no
 * field has a default here, so an absent field leaves the template's value (or the task default).
 */
const TemplateDefaults = z.strictObject({
  priority: Priority.optional(),
  input: jsonObject(65_536).optional(),
  routing: RoutingHintsInput.optional(),
  timeout_seconds: TimeoutSeconds.optional(),
  retry_policy: RetryPolicyInput.optional(),
  labels: Labels.optional(),
  metadata: jsonObject(16_384).optional(),
});

export const CreateTemplateBody = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2_000).default(''),
  task_type: name(),
  defaults: TemplateDefaults.default({}),
});
export type CreateTemplateBody = z.infer<typeof CreateTemplateBody>;

export const UpdateTemplateBody = z
  .strictObject({ name: z.string().min(1).max(200), description: z.string().max(2_000), task_type: name(), defaults: TemplateDefaults })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateTemplateBody = z.infer<typeof UpdateTemplateBody>;

/** Overrides merged over the template's defaults (`input` is merged key by key, the rest replaced). */
export const InstantiateTemplateBody = TemplateDefaults.extend({ depends_on: uniqueTaskIds(100).default([]) });
export type InstantiateTemplateBody = z.infer<typeof InstantiateTemplateBody>;

export const TemplateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  task_type: z.string(),
  defaults: z.record(z.string(), z.unknown()),
  times_used: z.int(),
  created_at: isoTime(),
  updated_at: isoTime(),
});
export type TemplateView = z.infer<typeof TemplateSchema>;

// --- chains ----------------------------------------------------------------------------------

/** `target` is a dotted path in the step's input; `source` reads an earlier step: `steps.<n>.result.<path>`. */
export const ChainInputMapping = z.strictObject({
  target: z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a dotted path'),
  source: z.string().min(1).max(300).regex(/^steps\.\d{1,2}\.result(\.[A-Za-z0-9_-]+)*$/, 'must look like steps.<n>.result.<path>'),
});
export type ChainInputMapping = z.infer<typeof ChainInputMapping>;

export const ChainStepInput = z
  .strictObject({
    task_type: name().optional(),
    template_id: z.uuid().optional(),
    input: jsonObject(65_536).default({}),
    input_mapping: z.array(ChainInputMapping).max(50).default([]),
    priority: Priority.optional(),
    routing: RoutingHintsInput.optional(),
    timeout_seconds: TimeoutSeconds.optional(),
    retry_policy: RetryPolicyInput.optional(),
  })
  .refine((step) => (step.task_type === undefined) !== (step.template_id === undefined), { message: 'must name exactly one of task_type or template_id' });
export type ChainStepInput = z.infer<typeof ChainStepInput>;

export const CreateChainBody = z
  .strictObject({
    name: z.string().min(1).max(200),
    failure_policy: z.enum(['stop', 'continue']).default('stop'),
    steps: z.array(ChainStepInput).min(1).max(50),
    labels: Labels.default({}),
  })
  .superRefine((chain, context) => {
    chain.steps.forEach((step, index) =>
      step.input_mapping.forEach((mapping, m) => {
        const from = Number(mapping.source.split('.')[1]);
        if (from >= index) context.addIssue({ code: 'custom', path: ['steps', index, 'input_mapping', m, 'source'], message: 'must refer to an earlier step' });
      }),
    );
  });
export type CreateChainBody = z.infer<typeof CreateChainBody>;

export const ChainSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled']),
  failure_policy: z.enum(['stop', 'continue']),
  current_step: z.int(),
  labels: z.record(z.string(), z.string()),
  steps: z.array(
    z.object({
      index: z.int(),
      task_type: z.string(),
      template_id: z.uuid().nullable(),
      task_id: z.uuid().nullable(),
      status: TaskStatusSchema.nullable(),
      result: z.record(z.string(), z.unknown()).nullable(),
      error: z.string().nullable(),
    }),
  ),
  created_at: isoTime(),
  finished_at: isoTime().nullable(),
});
export type ChainView = z.infer<typeof ChainSchema>;

// --- agent work protocol ---------------------------------------------------------------------

export const ClaimBody = z
  .strictObject({
    max_tasks: z.int().min(1).max(100).default(1),
    /** How long to wait for work when none is assigned yet (the service caps it, see its docs). */
    wait_ms: z.int().min(0).max(30_000).default(5_000),
    /** Start the claimed tasks in the same transaction (each emits `ains.task.started.v1`), sparing a start report per task. */
    start: z.boolean().default(false),
  })
  .prefault({});
export type ClaimBody = z.infer<typeof ClaimBody>;

export const AssignmentStreamQuery = z.strictObject({
  /** Tasks the agent can take right now: its free slots, counting the tasks it is running (see docs/task-service.md). */
  slots: z.coerce.number().int().min(1).max(100).default(1),
});
export type AssignmentStreamQuery = z.infer<typeof AssignmentStreamQuery>;

export const StartTaskBody = z.strictObject({}).prefault({});
const reportFields = {
  progress: jsonObject(16_384).default({}),
  result: jsonObject(262_144).default({}),
  error: z.string().min(1).max(2_000),
  retryable: z.boolean().default(true),
  /**
   * Required from agents with a public key: base64url (no padding) of the Ed25519 signature of the
   * report's signing text (see docs/sdk.md); refused when it does not verify.
   */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be the base64url (no padding) of a 64-byte Ed25519 signature').optional(),
};
export const ProgressBody = z.strictObject({ progress: reportFields.progress }).prefault({});
export const CompleteTaskBody = z.strictObject({ result: reportFields.result, signature: reportFields.signature }).prefault({});
export type CompleteTaskBody = z.infer<typeof CompleteTaskBody>;
export const FailTaskBody = z.strictObject({ error: reportFields.error, retryable: reportFields.retryable, signature: reportFields.signature });
export type FailTaskBody = z.infer<typeof FailTaskBody>;

/** The most reports one batch carries. */
export const MAX_REPORTS_PER_BATCH = 500;

export const TaskReport = z.discriminatedUnion('type', [
  z.strictObject({ task_id: z.uuid(), type: z.literal('start') }),
  z.strictObject({ task_id: z.uuid(), type: z.literal('progress'), progress: reportFields.progress }),
  z.strictObject({ task_id: z.uuid(), type: z.literal('complete'), result: reportFields.result, signature: reportFields.signature }),
  z.strictObject({ task_id: z.uuid(), type: z.literal('fail'), error: reportFields.error, retryable: reportFields.retryable, signature: reportFields.signature }),
]);
export type TaskReport = z.infer<typeof TaskReport>;

/** A batch item that is not a valid report: answered 400 on its own, the other items are still applied. */
export interface MalformedReport {
  malformed: true;
  error: z.ZodError;
  input: unknown;
}

/**
 * A report, or the marker of a malformed one. `catch` keeps one bad item from refusing the whole
 * batch, and leaves the documented item schema the report's own.
 */
const ReportOrMalformed = TaskReport.catch((context) => ({ malformed: true, error: context.error, input: context.value }) as never) as unknown as z.ZodType<TaskReport | MalformedReport>;

export const ReportBatchBody = z.strictObject({ reports: z.array(ReportOrMalformed).min(1).max(MAX_REPORTS_PER_BATCH) });
export type ReportBatchBody = z.infer<typeof ReportBatchBody>;

/** How one report of a batch ended: applied now, applied by an earlier copy of it, or refused (see `problem`). */
export const ReportOutcome = z.enum(['applied', 'already_applied', 'refused']);
export type ReportOutcome = z.infer<typeof ReportOutcome>;

export const ReportResultSchema = z.object({
  /** Position of the report in the request. */
  index: z.int(),
  task_id: z.string().nullable(),
  /** The HTTP status this report would have had on its own: 200, or the problem's status. */
  status: z.int(),
  outcome: ReportOutcome,
  /** The task after the report (applied and already applied). */
  task: TaskSchema.optional(),
  problem: ProblemSchema.optional(),
});
export type ReportResultView = z.infer<typeof ReportResultSchema>;

const agentIdParam = uuidParam('agentId');
const conflict = { description: 'The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment.', schema: ProblemSchema };
const notFound = { description: 'No such task for this caller.', schema: ProblemSchema };
const idempotencyNote = 'Accepts an `Idempotency-Key` header: the same key and body within 24 h returns the original response; the same key with another body is a 422.';
const signatureRefused = {
  description: 'The agent has a public key and the report’s `signature` is missing (`signature-required`) or does not verify with it over the report’s signing text (`signature-invalid`); nothing was applied.',
  schema: ProblemSchema,
};
const signingKeyUnknown = {
  description: 'The report is signed but task-service has not yet learned the agent’s public key (it was registered or set moments ago); send it again after `Retry-After` seconds.',
  schema: ProblemSchema,
};
const signedReportNote =
  'An agent with a public key must sign the report: `signature` is the base64url Ed25519 signature of `ains-report-v1\\n<complete|fail>\\n<task id>\\n<attempt>\\n<canonical JSON of the result, or of { error, retryable }>` (see docs/sdk.md), verified before anything is applied and kept with the attempt.';
const overloaded = { description: 'Dispatch is saturated (backpressure); retry after `Retry-After` seconds.', schema: ProblemSchema };

export const TaskOperations: ApiOperation[] = [
  { operationId: 'createTask', method: 'POST', path: '/v1/tasks', upstream: 'task', scopes: ['tasks:write'], tag: 'Tasks', summary: 'Create a task', description: idempotencyNote, idempotent: true, body: CreateTaskBody, responses: { 201: { description: 'The task.', schema: TaskSchema }, 422: { description: 'Unknown dependency.', schema: ProblemSchema }, 503: overloaded } },
  { operationId: 'createTaskBatch', method: 'POST', path: '/v1/tasks/batch', upstream: 'task', scopes: ['tasks:write'], tag: 'Tasks', summary: 'Create up to 1,000 tasks at once, all or nothing', description: idempotencyNote, idempotent: true, body: CreateTaskBatchBody, responses: { 201: { description: 'The tasks, in request order.', schema: TaskBatchSchema }, 422: { description: 'Unknown dependency or a dependency cycle.', schema: ProblemSchema }, 503: overloaded } },
  { operationId: 'listTasks', method: 'GET', path: '/v1/tasks', upstream: 'task', scopes: ['tasks:read'], tag: 'Tasks', summary: 'List tasks', query: TaskListQuery, responses: { 200: { description: 'A page of tasks, newest first.', schema: pageOf(TaskSchema) } } },
  {
    operationId: 'getTaskStats',
    method: 'GET',
    path: '/v1/tasks/stats',
    upstream: 'task',
    scopes: ['tasks:read'],
    tag: 'Tasks',
    summary: 'Counts per state, queue depth per priority and the last hour’s throughput',
    description: `The caller’s own tasks; an \`admin\` key gets every client’s. Counts stop at ${TASK_STATS_COUNT_LIMIT.toLocaleString('en')} per state. The answer may be up to a few seconds old (\`generated_at\`).`,
    responses: { 200: { description: 'The statistics.', schema: TaskStatsSchema } },
  },
  { operationId: 'getTask', method: 'GET', path: '/v1/tasks/{id}', upstream: 'task', scopes: ['tasks:read'], tag: 'Tasks', summary: 'Get a task with its attempts', params: uuidParam(), responses: { 200: { description: 'The task.', schema: TaskDetailSchema }, 404: notFound } },
  { operationId: 'cancelTask', method: 'POST', path: '/v1/tasks/{id}/cancel', upstream: 'task', scopes: ['tasks:write'], tag: 'Tasks', summary: 'Cancel a task', params: uuidParam(), body: CancelTaskBody, responses: { 200: { description: 'The cancelled task.', schema: TaskSchema }, 404: notFound, 409: conflict } },
  { operationId: 'retryTask', method: 'POST', path: '/v1/tasks/{id}/retry', upstream: 'task', scopes: ['tasks:write'], tag: 'Tasks', summary: 'Queue a failed, timed-out or dead-lettered task again with a fresh retry budget', params: uuidParam(), responses: { 200: { description: 'The queued task.', schema: TaskSchema }, 404: notFound, 409: conflict } },
  { operationId: 'createTemplate', method: 'POST', path: '/v1/task-templates', upstream: 'task', scopes: ['tasks:write'], tag: 'Task templates', summary: 'Create a task template', description: idempotencyNote, idempotent: true, body: CreateTemplateBody, responses: { 201: { description: 'The template.', schema: TemplateSchema } } },
  { operationId: 'listTemplates', method: 'GET', path: '/v1/task-templates', upstream: 'task', scopes: ['tasks:read'], tag: 'Task templates', summary: 'List task templates', query: PageQuery, responses: { 200: { description: 'A page of templates, newest first.', schema: pageOf(TemplateSchema) } } },
  { operationId: 'getTemplate', method: 'GET', path: '/v1/task-templates/{id}', upstream: 'task', scopes: ['tasks:read'], tag: 'Task templates', summary: 'Get a task template', params: uuidParam(), responses: { 200: { description: 'The template.', schema: TemplateSchema }, 404: notFound } },
  { operationId: 'updateTemplate', method: 'PATCH', path: '/v1/task-templates/{id}', upstream: 'task', scopes: ['tasks:write'], tag: 'Task templates', summary: 'Change a task template', params: uuidParam(), body: UpdateTemplateBody, responses: { 200: { description: 'The template.', schema: TemplateSchema }, 404: notFound } },
  { operationId: 'deleteTemplate', method: 'DELETE', path: '/v1/task-templates/{id}', upstream: 'task', scopes: ['tasks:write'], tag: 'Task templates', summary: 'Delete a task template (tasks made from it stay)', description: 'Refused (409) while a schedule uses the template: change or delete those schedules first (`GET /v1/schedules?template_id=`).', params: uuidParam(), responses: { 204: { description: 'Deleted.' }, 404: notFound, 409: { description: 'A schedule uses the template.', schema: ProblemSchema } } },
  { operationId: 'instantiateTemplate', method: 'POST', path: '/v1/task-templates/{id}/tasks', upstream: 'task', scopes: ['tasks:write'], tag: 'Task templates', summary: 'Create a task from a template with overrides', description: idempotencyNote, idempotent: true, params: uuidParam(), body: InstantiateTemplateBody, responses: { 201: { description: 'The task.', schema: TaskSchema }, 404: notFound, 503: overloaded } },
  { operationId: 'createChain', method: 'POST', path: '/v1/task-chains', upstream: 'task', scopes: ['tasks:write'], tag: 'Task chains', summary: 'Start a chain of tasks that run in sequence', description: idempotencyNote, idempotent: true, body: CreateChainBody, responses: { 201: { description: 'The chain.', schema: ChainSchema }, 422: { description: 'Unknown template.', schema: ProblemSchema }, 503: overloaded } },
  { operationId: 'getChain', method: 'GET', path: '/v1/task-chains/{id}', upstream: 'task', scopes: ['tasks:read'], tag: 'Task chains', summary: 'Get a chain with per-step status and results', params: uuidParam(), responses: { 200: { description: 'The chain.', schema: ChainSchema }, 404: notFound } },
  { operationId: 'cancelChain', method: 'POST', path: '/v1/task-chains/{id}/cancel', upstream: 'task', scopes: ['tasks:write'], tag: 'Task chains', summary: 'Cancel a chain and its running step', params: uuidParam(), responses: { 200: { description: 'The chain.', schema: ChainSchema }, 404: notFound, 409: conflict } },
  { operationId: 'claimTasks', method: 'POST', path: '/v1/agents/{agentId}/claim', upstream: 'task', scopes: ['agent:work'], tag: 'Agent work', summary: 'Long-poll for tasks assigned to this agent, optionally starting them at once', params: agentIdParam, body: ClaimBody, responses: { 200: { description: 'Up to `max_tasks` newly assigned tasks; empty when none arrived within the wait.', schema: z.object({ data: z.array(TaskSchema) }) }, 403: { description: 'The key does not act as this agent.', schema: ProblemSchema } } },
  {
    operationId: 'streamAssignments',
    method: 'GET',
    path: '/v1/agents/{agentId}/assignments',
    upstream: 'task',
    scopes: ['agent:work'],
    tag: 'Agent work',
    summary: 'Receive this agent’s assignments as they happen, started, on a stream of server-sent events',
    description:
      'A `text/event-stream` that stays open. Whenever tasks are assigned to the agent and it has a free slot (`slots` minus the tasks it is running), they are claimed and started exactly as by a claim with `start: true`, and each is sent as one event: `event: assignment`, `id: <task id>:<attempt>`, `data:` the task (as a claim returns it). A comment line (`: keep-alive`) comes every 15 s. A task whose event could not be written (the connection was gone) is queued again at once for routing. One stream per agent: a newer one ends the older. Long-polling `claim` stays available; an agent uses one or the other.',
    params: agentIdParam,
    query: AssignmentStreamQuery,
    responses: { 200: { description: 'The stream; each `assignment` event carries one started task.', schema: TaskSchema, mediaType: 'text/event-stream' }, 403: { description: 'The key does not act as this agent.', schema: ProblemSchema } },
  },
  {
    operationId: 'reportTaskBatch',
    method: 'POST',
    path: '/v1/agents/{agentId}/reports',
    upstream: 'task',
    scopes: ['agent:work'],
    tag: 'Agent work',
    summary: 'Send many reports (start, progress, complete, fail) on this agent’s tasks at once',
    description:
      'Each report is applied or refused on its own and answered in `data` at its index, with the status it would have had alone and a problem when refused (400 malformed or unstorable, 403/404 not this agent’s, 409 stale, 422 `signature-required` / `signature-invalid`, 503 signing key not known yet). The applied reports commit together. Sending the same batch again applies nothing twice: a start, complete or fail this agent already made is answered `already_applied`. An agent with a public key signs each complete and fail report as on the single-task routes.',
    params: agentIdParam,
    body: ReportBatchBody,
    responses: { 200: { description: 'One answer per report, in request order.', schema: z.object({ data: z.array(ReportResultSchema) }) }, 403: { description: 'The key does not act as this agent.', schema: ProblemSchema } },
  },
  { operationId: 'startTask', method: 'POST', path: '/v1/tasks/{id}/start', upstream: 'task', scopes: ['agent:work'], tag: 'Agent work', summary: 'Report that the assigned agent started the task', params: uuidParam(), body: StartTaskBody, responses: { 200: { description: 'The task.', schema: TaskSchema }, 403: { description: 'Not assigned to this agent.', schema: ProblemSchema }, 409: conflict } },
  { operationId: 'reportTaskProgress', method: 'POST', path: '/v1/tasks/{id}/progress', upstream: 'task', scopes: ['agent:work'], tag: 'Agent work', summary: 'Report progress and renew the lease', params: uuidParam(), body: ProgressBody, responses: { 200: { description: 'The task with its renewed lease.', schema: TaskSchema }, 403: { description: 'Not assigned to this agent.', schema: ProblemSchema }, 409: conflict } },
  { operationId: 'completeTask', method: 'POST', path: '/v1/tasks/{id}/complete', upstream: 'task', scopes: ['agent:work'], tag: 'Agent work', summary: 'Report the task’s result', description: signedReportNote, params: uuidParam(), body: CompleteTaskBody, responses: { 200: { description: 'The completed task.', schema: TaskSchema }, 403: { description: 'Not assigned to this agent.', schema: ProblemSchema }, 409: conflict, 422: signatureRefused, 503: signingKeyUnknown } },
  { operationId: 'failTask', method: 'POST', path: '/v1/tasks/{id}/fail', upstream: 'task', scopes: ['agent:work'], tag: 'Agent work', summary: 'Report that the attempt failed', description: signedReportNote, params: uuidParam(), body: FailTaskBody, responses: { 200: { description: 'The task (queued again later when it may retry).', schema: TaskSchema }, 403: { description: 'Not assigned to this agent.', schema: ProblemSchema }, 409: conflict, 422: signatureRefused, 503: signingKeyUnknown } },
];
