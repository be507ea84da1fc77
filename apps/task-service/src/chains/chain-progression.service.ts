import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '@ains/messaging';
import { TaskCreation } from '../tasks/task-creation.service';
import type { TaskRow } from '../tasks/task.row';
import { TemplatesRepository } from '../templates/templates.repository';
import { buildStepInput } from './chain-input-mapping';
import type { ChainRow } from './chain.row';
import { ChainsRepository } from './chains.repository';

/**
 * Moves chains forward: creates each step's task when the step is reached (so its input can
 * carry earlier results) and settles the chain when a step ends. Runs in the transaction of the
 * step task's own transition, so a chain never misses or repeats a step.
 */
@Injectable()
export class ChainProgression {
  constructor(
    private readonly chains: ChainsRepository,
    private readonly creation: TaskCreation,
    private readonly templates: TemplatesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async startStep(manager: EntityManager, chain: ChainRow, index: number): Promise<TaskRow> {
    const step = chain.steps[index];
    const results = new Array<Record<string, unknown> | null>(chain.steps.length).fill(null);
    if (index > 0) {
      for (const task of await this.chains.stepTasks(chain.id, manager)) results[task.chain_step] = task.status === 'completed' ? task.result : null;
    }
    const { template_id: templateId, input_mapping: mappings, ...spec } = step;
    if (templateId) await this.templates.countUse(manager, chain.client_id, templateId);
    const [task] = await this.creation.create(manager, chain.client_id, [
      { ...spec, input: buildStepInput(spec.input, mappings, results), id: randomUUID(), dependsOn: [], label: `step ${index}`, field: `steps[${index}].`, chain: { id: chain.id, step: index }, templateId: templateId ?? undefined },
    ]);
    return task;
  }

  /** Called once a step task is completed or will not complete. */
  async onStepFinished(manager: EntityManager, task: TaskRow): Promise<void> {
    if (!task.chain_id || task.chain_step === null) return;
    const chain = await this.chains.lockForClient(manager, task.client_id, task.chain_id);
    if (!chain || chain.status !== 'running' || chain.current_step !== task.chain_step) return;
    const now = new Date();
    const index = task.chain_step;
    if (task.status === 'completed') {
      await this.outbox.append(manager, { type: 'ains.chain.step_completed.v1', subject: chain.id, data: { chainId: chain.id, clientId: chain.client_id, stepIndex: index, taskId: task.id, completedAt: now.toISOString() } });
    } else if (chain.failure_policy === 'stop') {
      await this.fail(manager, chain, index, task.id, stepFailure(index, task), now);
      return;
    }
    if (index + 1 < chain.steps.length) {
      await this.chains.update(manager, chain.id, { status: 'running', current_step: index + 1, finished_at: null });
      await this.startStep(manager, chain, index + 1);
      return;
    }
    const failed = (await this.chains.stepTasks(chain.id, manager)).find((step) => step.status !== 'completed');
    if (failed) {
      await this.fail(manager, chain, failed.chain_step, failed.id, `step ${failed.chain_step} ended ${failed.status} (failure policy: continue)`, now);
      return;
    }
    await this.chains.update(manager, chain.id, { status: 'completed', current_step: index, finished_at: now });
    await this.outbox.append(manager, { type: 'ains.chain.completed.v1', subject: chain.id, data: { chainId: chain.id, clientId: chain.client_id, completedAt: now.toISOString() } });
  }

  private async fail(manager: EntityManager, chain: ChainRow, stepIndex: number, taskId: string, reason: string, now: Date): Promise<void> {
    await this.chains.update(manager, chain.id, { status: 'failed', current_step: chain.current_step, finished_at: now });
    await this.outbox.append(manager, { type: 'ains.chain.failed.v1', subject: chain.id, data: { chainId: chain.id, clientId: chain.client_id, stepIndex, taskId, reason, failedAt: now.toISOString() } });
  }
}

function stepFailure(index: number, task: TaskRow): string {
  return `step ${index} ended ${task.status}${task.error ? `: ${task.error}` : task.status_reason ? `: ${task.status_reason}` : ''}`;
}
