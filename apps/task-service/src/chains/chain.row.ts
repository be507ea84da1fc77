import type { ChainInputMapping, ChainView, TaskStatus } from '@ains/contracts';
import type { TaskSpec } from '../tasks/task-creation.service';

/** A step as stored: the task it will create (template defaults already merged) and its mapping. */
export interface ChainStepSpec extends TaskSpec {
  template_id: string | null;
  input_mapping: ChainInputMapping[];
}

export interface ChainRow {
  id: string;
  client_id: string;
  name: string;
  status: 'running' | 'completed' | 'failed' | 'cancelled';
  failure_policy: 'stop' | 'continue';
  steps: ChainStepSpec[];
  current_step: number;
  labels: Record<string, string>;
  created_at: Date;
  finished_at: Date | null;
}

/** The task created for a step that was reached. */
export interface StepTaskRow {
  id: string;
  chain_step: number;
  status: TaskStatus;
  result: Record<string, unknown> | null;
  error: string | null;
}

export function toChainView(chain: ChainRow, stepTasks: StepTaskRow[]): ChainView {
  const byStep = new Map(stepTasks.map((task) => [task.chain_step, task]));
  return {
    id: chain.id,
    name: chain.name,
    status: chain.status,
    failure_policy: chain.failure_policy,
    current_step: chain.current_step,
    labels: chain.labels,
    steps: chain.steps.map((step, index) => {
      const task = byStep.get(index);
      return {
        index,
        task_type: step.task_type,
        template_id: step.template_id,
        task_id: task?.id ?? null,
        status: task?.status ?? null,
        result: task?.result ?? null,
        error: task?.error ?? null,
      };
    }),
    created_at: chain.created_at.toISOString(),
    finished_at: chain.finished_at?.toISOString() ?? null,
  };
}
