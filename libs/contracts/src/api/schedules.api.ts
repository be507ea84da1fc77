import { z } from 'zod';
import type { ApiOperation } from './api-operation';
import { PageQuery, ProblemSchema, pageOf, uuidParam } from './common.schemas';
import { CreateTaskBody, InstantiateTemplateBody } from './tasks.api';

const isoDateTime = () => z.iso.datetime({ offset: true });

/** What a schedule creates when it fires: the body of `POST /v1/tasks`, or a template's overrides. */
export const ScheduledTaskDefinition = CreateTaskBody;
export const ScheduledTemplateOverrides = InstantiateTemplateBody;

export const OverlapPolicy = z.enum(['allow', 'skip']);
export const MisfirePolicy = z.enum(['fire_once', 'skip']);

const scheduleFields = {
  name: z.string().min(1).max(200),
  description: z.string().max(2_000).optional(),
  /** Five fields (minute hour day-of-month month day-of-week) or six (seconds first). */
  cron_expression: z.string().min(1).max(200),
  /** An IANA time zone such as `Europe/Berlin`; the cron fields are read in its local time. */
  time_zone: z.string().min(1).max(64),
  task: ScheduledTaskDefinition,
  template_id: z.uuid(),
  /** Fields of the template's task definition to replace; only with `template_id`. */
  overrides: ScheduledTemplateOverrides,
  start_at: isoDateTime(),
  end_at: isoDateTime(),
  max_runs: z.int().min(1).max(1_000_000_000),
  overlap_policy: OverlapPolicy,
  misfire_policy: MisfirePolicy,
};

type TargetFields = { task?: unknown; template_id?: unknown; overrides?: unknown; start_at?: string | null; end_at?: string | null };

/**
 * At most one of `task` or `template_id` (exactly one on create); overrides not with an inline task
 * (on create, only with a template); the window, if any, not empty.
 */
function checkTargetAndWindow(value: TargetFields, context: z.RefinementCtx, creating: boolean): void {
  const hasTask = value.task !== undefined;
  const hasTemplate = value.template_id !== undefined;
  if (hasTask && hasTemplate) context.addIssue({ code: 'custom', path: ['template_id'], message: 'give either task or template_id, not both' });
  if (creating && !hasTask && !hasTemplate) context.addIssue({ code: 'custom', path: ['task'], message: 'give either task (an inline task definition) or template_id' });
  if (value.overrides !== undefined && (hasTask || (creating && !hasTemplate))) {
    context.addIssue({ code: 'custom', path: ['overrides'], message: 'only applies together with template_id' });
  }
  if (value.start_at && value.end_at && Date.parse(value.end_at) <= Date.parse(value.start_at)) {
    context.addIssue({ code: 'custom', path: ['end_at'], message: 'must be after start_at' });
  }
}

export const CreateScheduleBody = z
  .strictObject({
    name: scheduleFields.name,
    description: scheduleFields.description,
    cron_expression: scheduleFields.cron_expression,
    time_zone: scheduleFields.time_zone.default('UTC'),
    task: scheduleFields.task.optional(),
    template_id: scheduleFields.template_id.optional(),
    overrides: scheduleFields.overrides.optional(),
    active: z.boolean().default(true),
    start_at: scheduleFields.start_at.optional(),
    end_at: scheduleFields.end_at.optional(),
    max_runs: scheduleFields.max_runs.optional(),
    overlap_policy: scheduleFields.overlap_policy.default('allow'),
    misfire_policy: scheduleFields.misfire_policy.default('fire_once'),
  })
  .superRefine((value, context) => checkTargetAndWindow(value, context, true));
export type CreateScheduleBody = z.infer<typeof CreateScheduleBody>;

/**
 * Changes only the fields given; `null` clears an optional one. Giving `task` or `template_id`
 * replaces the target; `overrides` alone replaces the overrides of a template schedule.
 */
export const UpdateScheduleBody = z
  .strictObject({
    name: scheduleFields.name.optional(),
    description: scheduleFields.description.nullable(),
    cron_expression: scheduleFields.cron_expression.optional(),
    time_zone: scheduleFields.time_zone.optional(),
    task: scheduleFields.task.optional(),
    template_id: scheduleFields.template_id.optional(),
    overrides: scheduleFields.overrides.optional(),
    start_at: scheduleFields.start_at.nullable().optional(),
    end_at: scheduleFields.end_at.nullable().optional(),
    max_runs: scheduleFields.max_runs.nullable().optional(),
    overlap_policy: scheduleFields.overlap_policy.optional(),
    misfire_policy: scheduleFields.misfire_policy.optional(),
  })
  .superRefine((value, context) => checkTargetAndWindow(value, context, false));
export type UpdateScheduleBody = z.infer<typeof UpdateScheduleBody>;

/** How a run ended: its task's end, or `task_not_created` when the task could not be created at all. */
export const RunOutcome = z.enum(['completed', 'failed', 'timed_out', 'cancelled', 'dead_lettered', 'task_not_created']);
export type RunOutcome = z.infer<typeof RunOutcome>;

export const ScheduleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  cron_expression: z.string(),
  time_zone: z.string(),
  task: z.record(z.string(), z.unknown()).nullable(),
  template_id: z.uuid().nullable(),
  overrides: z.record(z.string(), z.unknown()).nullable(),
  active: z.boolean(),
  start_at: isoDateTime().nullable(),
  end_at: isoDateTime().nullable(),
  max_runs: z.int().nullable(),
  overlap_policy: OverlapPolicy,
  misfire_policy: MisfirePolicy,
  /** The next intended fire time; null once the schedule is exhausted (end_at passed or max_runs reached). */
  next_run_at: isoDateTime().nullable(),
  stats: z.object({
    runs: z.int(),
    successes: z.int(),
    failures: z.int(),
    skipped: z.int(),
    last_run_at: isoDateTime().nullable(),
    last_outcome: RunOutcome.nullable(),
    average_duration_ms: z.number().nullable(),
  }),
  created_at: isoDateTime(),
  updated_at: isoDateTime(),
});
export type ScheduleView = z.infer<typeof ScheduleSchema>;

export const ScheduleRunSchema = z.object({
  id: z.uuid(),
  schedule_id: z.uuid(),
  fire_time: isoDateTime(),
  trigger: z.enum(['schedule', 'manual']),
  /** fired: event published, task not seen yet; running: task created; skipped: not fired (overlap). */
  status: z.enum(['fired', 'running', 'completed', 'failed', 'skipped']),
  outcome: RunOutcome.nullable(),
  /** Set when this run stands for fire times missed while the scheduler was down (misfire policy fire_once): the earliest of them. */
  missed_since: isoDateTime().nullable(),
  task_id: z.uuid().nullable(),
  /** Why a run failed without a task (outcome `task_not_created`); null otherwise. */
  failure_reason: z.string().nullable(),
  duration_ms: z.int().nullable(),
  fired_at: isoDateTime(),
  finished_at: isoDateTime().nullable(),
});
export type ScheduleRunView = z.infer<typeof ScheduleRunSchema>;

/** `template_id` keeps the schedules that instantiate that template. */
export const ScheduleListQuery = PageQuery.extend({ template_id: z.uuid().optional() });
export type ScheduleListQuery = z.infer<typeof ScheduleListQuery>;

const read = { upstream: 'scheduler', scopes: ['schedules:read'], tag: 'Schedules' } as const;
const write = { upstream: 'scheduler', scopes: ['schedules:write'], tag: 'Schedules' } as const;
const scheduleResponse = (description: string) => ({ description, schema: ScheduleSchema });

export const ScheduleOperations: ApiOperation[] = [
  {
    ...write,
    operationId: 'createSchedule',
    method: 'POST',
    path: '/v1/schedules',
    summary: 'Create a cron schedule',
    description:
      'An invalid cron expression or time zone, one firing more often than the minimum interval, or a `template_id` or `depends_on` task that does not exist (for this client) is answered 422. A run whose task cannot be created when it fires fails with outcome `task_not_created` and its reason.',
    body: CreateScheduleBody,
    responses: { 201: scheduleResponse('The schedule, with its next fire time.'), 422: { description: 'The cron expression or time zone is not usable, or a referenced template or task does not exist.', schema: ProblemSchema } },
  },
  { ...read, operationId: 'listSchedules', method: 'GET', path: '/v1/schedules', summary: 'List schedules', query: ScheduleListQuery, responses: { 200: { description: 'A page of schedules, newest first.', schema: pageOf(ScheduleSchema) } } },
  { ...read, operationId: 'getSchedule', method: 'GET', path: '/v1/schedules/{id}', summary: 'Get a schedule with its run statistics', params: uuidParam(), responses: { 200: scheduleResponse('The schedule.') } },
  {
    ...write,
    operationId: 'updateSchedule',
    method: 'PATCH',
    path: '/v1/schedules/{id}',
    summary: 'Change a schedule',
    description: 'Changing the cron expression, time zone or window recomputes the next fire time from now. A new `template_id` or `depends_on` is checked as on creation.',
    params: uuidParam(),
    body: UpdateScheduleBody,
    responses: { 200: scheduleResponse('The changed schedule.'), 422: { description: 'The cron expression or time zone is not usable, or a referenced template or task does not exist.', schema: ProblemSchema } },
  },
  { ...write, operationId: 'deleteSchedule', method: 'DELETE', path: '/v1/schedules/{id}', summary: 'Delete a schedule and its run history', params: uuidParam(), responses: { 204: { description: 'Deleted.' } } },
  { ...write, operationId: 'pauseSchedule', method: 'POST', path: '/v1/schedules/{id}/pause', summary: 'Pause a schedule', params: uuidParam(), responses: { 200: scheduleResponse('The paused schedule.') } },
  {
    ...write,
    operationId: 'resumeSchedule',
    method: 'POST',
    path: '/v1/schedules/{id}/resume',
    summary: 'Resume a paused schedule',
    description: 'Fire times that passed while paused are not fired; the next one is computed from now.',
    params: uuidParam(),
    responses: { 200: scheduleResponse('The resumed schedule.') },
  },
  {
    ...write,
    operationId: 'triggerSchedule',
    method: 'POST',
    path: '/v1/schedules/{id}/trigger',
    summary: 'Run a schedule now',
    description: 'Fires once now, also when paused; counts toward max_runs (409 once they are used up) and ignores the overlap policy.',
    params: uuidParam(),
    responses: { 201: { description: 'The run.', schema: ScheduleRunSchema }, 409: { description: 'The schedule has used up its max_runs.' } },
  },
  {
    ...read,
    operationId: 'listScheduleRuns',
    method: 'GET',
    path: '/v1/schedules/{id}/runs',
    summary: "List a schedule's runs",
    params: uuidParam(),
    query: PageQuery,
    responses: { 200: { description: 'A page of runs, latest fire time first.', schema: pageOf(ScheduleRunSchema) } },
  },
];
