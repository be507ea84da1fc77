import { CreateTaskBody, type InstantiateTemplateBody } from '@ains/contracts';
import { ProblemException, zodFieldErrors } from '@ains/platform';
import type { TaskSpec } from '../tasks/task-creation.service';

const TaskSpecSchema = CreateTaskBody.omit({ depends_on: true });

export type TemplateOverrides = Omit<InstantiateTemplateBody, 'depends_on'>;

/**
 * A template's defaults with overrides on top: `input` is merged key by key (an override key
 * replaces the default's), every other field is replaced whole. The result is validated as a
 * task, so a template can never produce a task that POST /v1/tasks would refuse.
 */
export function specFromTemplate(taskType: string, defaults: Record<string, unknown>, overrides: Partial<TemplateOverrides>): TaskSpec {
  const defaultInput = (defaults.input ?? {}) as Record<string, unknown>;
  const merged = { ...defaults, ...overrides, input: { ...defaultInput, ...(overrides.input ?? {}) }, task_type: taskType };
  const parsed = TaskSpecSchema.safeParse(merged);
  if (!parsed.success) throw ProblemException.unprocessable('The template with these overrides is not a valid task.', zodFieldErrors(parsed.error));
  return parsed.data;
}
