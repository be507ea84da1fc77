import { Injectable } from '@nestjs/common';
import type { Caller, CreateScheduleBody, UpdateScheduleBody } from '@ains/contracts';
import { ProblemException, type FieldError } from '@ains/platform';
import { UpstreamClient } from '../upstream/upstream.client';
import type { OperationContext, OperationHandler, OperationHandlerSet } from './operation-handler';

/** Dependencies checked at once per request; depends_on holds at most 100. */
const LOOKUP_CONCURRENCY = 10;
/** Schedules named in the answer when a template is still in use. */
const USERS_SHOWN = 5;

type ScheduleTarget = Pick<CreateScheduleBody & UpdateScheduleBody, 'template_id' | 'task' | 'overrides'>;

/**
 * References between services, checked where the services meet. scheduler-service does not own
 * templates or tasks, so before a schedule is created or changed the gateway asks task-service
 * whether the template and every `depends_on` task exist for the caller (422 naming the field
 * otherwise); before task-service deletes a template the gateway asks scheduler-service whether a
 * schedule still uses it (409). A reference that disappears between check and use (a race, or a
 * task-service restore) still cannot fail silently: the run fails with the reason.
 */
@Injectable()
export class ReferenceHandlers implements OperationHandlerSet {
  constructor(private readonly upstream: UpstreamClient) {}

  handlers(): Record<string, OperationHandler> {
    return {
      createSchedule: (context) => this.withCheckedReferences(context),
      updateSchedule: (context) => this.withCheckedReferences(context),
      deleteTemplate: (context) => this.deleteUnusedTemplate(context),
    };
  }

  private async withCheckedReferences(context: OperationContext): Promise<unknown> {
    const errors = await this.missingReferences(context.input.body as ScheduleTarget, context.caller);
    if (errors.length > 0) throw ProblemException.unprocessable('The schedule refers to something that does not exist.', errors);
    return this.forward(context, 'scheduler');
  }

  private async deleteUnusedTemplate(context: OperationContext): Promise<unknown> {
    const id = String(context.input.params.id);
    const users = await this.upstream.json<{ data: { id: string; name: string }[] }>('scheduler', {
      method: 'GET',
      path: `/v1/schedules?template_id=${id}&limit=${USERS_SHOWN}`,
      caller: context.caller,
    });
    if (users.status !== 200) throw ProblemException.serviceUnavailable('Could not confirm that no schedule uses the template; try again.', 5);
    if (users.body.data.length > 0) {
      const named = users.body.data.map((schedule) => `${schedule.id} (${schedule.name})`).join(', ');
      throw ProblemException.conflict(`Task template ${id} is used by schedule(s) ${named}: change or delete them first.`);
    }
    return this.forward(context, 'task');
  }

  private async missingReferences(body: ScheduleTarget, caller: Caller): Promise<FieldError[]> {
    const lookups: { field: string; path: string; what: string }[] = [];
    if (body.template_id) lookups.push({ field: 'template_id', path: `/v1/task-templates/${body.template_id}`, what: `task template ${body.template_id}` });
    const dependencies = [
      ...(body.task?.depends_on ?? []).map((id, index) => ({ id, field: `task.depends_on[${index}]` })),
      ...(body.overrides?.depends_on ?? []).map((id, index) => ({ id, field: `overrides.depends_on[${index}]` })),
    ];
    for (const { id, field } of dependencies) lookups.push({ field, path: `/v1/tasks/${id}`, what: `task ${id}` });
    const errors: FieldError[] = [];
    for (let start = 0; start < lookups.length; start += LOOKUP_CONCURRENCY) {
      const batch = lookups.slice(start, start + LOOKUP_CONCURRENCY);
      const answers = await Promise.all(batch.map((lookup) => this.upstream.json('task', { method: 'GET', path: lookup.path, caller })));
      answers.forEach((answer, index) => {
        if (answer.status === 404) errors.push({ field: batch[index].field, message: `${batch[index].what} does not exist` });
        else if (answer.status !== 200) throw ProblemException.serviceUnavailable('Could not confirm what the schedule refers to; try again.', 5);
      });
    }
    return errors;
  }

  private forward({ request, reply, caller, operation }: OperationContext, upstream: 'task' | 'scheduler'): Promise<unknown> {
    return this.upstream.forward(reply, upstream, { method: operation.method, path: request.url, caller, body: request.body });
  }
}
