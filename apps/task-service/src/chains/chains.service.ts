import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChainView, CreateChainBody } from '@ains/contracts';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { ProblemException } from '@ains/platform';
import { TaskLifecycle } from '../tasks/task-lifecycle.service';
import { isTerminal } from '../tasks/task-state-machine';
import { TasksRepository } from '../tasks/tasks.repository';
import { specFromTemplate } from '../templates/template-merge';
import { TemplatesRepository } from '../templates/templates.repository';
import { ChainProgression } from './chain-progression.service';
import { toChainView, type ChainStepSpec } from './chain.row';
import { ChainsRepository } from './chains.repository';

@Injectable()
export class ChainsService {
  constructor(
    private readonly chains: ChainsRepository,
    private readonly templates: TemplatesRepository,
    private readonly tasks: TasksRepository,
    private readonly progression: ChainProgression,
    private readonly lifecycle: TaskLifecycle,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Resolves every step up front (templates merged now), stores the chain and starts step 0. */
  async create(manager: EntityManager, clientId: string, body: CreateChainBody): Promise<ChainView> {
    const steps: ChainStepSpec[] = [];
    for (const [index, step] of body.steps.entries()) {
      const { task_type: taskType, template_id: templateId, input_mapping: mapping, ...overrides } = step;
      let defaults: Record<string, unknown> = {};
      let type = taskType as string;
      if (templateId) {
        const template = await this.templates.find(clientId, templateId, manager);
        if (!template) throw ProblemException.unprocessable('A step names an unknown template.', [{ field: `steps[${index}].template_id`, message: `template ${templateId} does not exist` }]);
        defaults = template.defaults;
        type = template.task_type;
      }
      const spec = specFromTemplate(type, defaults, { ...overrides, labels: { ...((defaults.labels ?? {}) as Record<string, string>), ...body.labels } });
      steps.push({ ...spec, template_id: templateId ?? null, input_mapping: mapping });
    }
    const chain = await this.chains.insert(manager, { id: randomUUID(), client_id: clientId, name: body.name, status: 'running', failure_policy: body.failure_policy, steps, labels: body.labels });
    await this.outbox.append(manager, { type: 'ains.chain.started.v1', subject: chain.id, data: { chainId: chain.id, clientId, steps: steps.length, startedAt: chain.created_at.toISOString() } });
    const first = await this.progression.startStep(manager, chain, 0);
    return toChainView(chain, [{ id: first.id, chain_step: 0, status: first.status, result: null, error: null }]);
  }

  async get(clientId: string, id: string): Promise<ChainView> {
    const chain = await this.chains.find(clientId, id);
    if (!chain) throw ProblemException.notFound(`Task chain ${id}`);
    return toChainView(chain, await this.chains.stepTasks(id));
  }

  /** Marks the chain cancelled first, so cancelling its current step does not advance it. */
  async cancel(clientId: string, id: string): Promise<ChainView> {
    await this.transactions.run(async (manager) => {
      const chain = await this.chains.lockForClient(manager, clientId, id);
      if (!chain) throw ProblemException.notFound(`Task chain ${id}`);
      if (chain.status !== 'running') throw ProblemException.conflict(`The chain is already ${chain.status}.`);
      const now = new Date();
      await this.chains.update(manager, id, { status: 'cancelled', current_step: chain.current_step, finished_at: now });
      const reason = 'chain cancelled by client';
      await this.outbox.append(manager, { type: 'ains.chain.cancelled.v1', subject: id, data: { chainId: id, clientId, stepIndex: chain.current_step, reason, cancelledAt: now.toISOString() } });
      const current = (await this.chains.stepTasks(id, manager)).find((task) => task.chain_step === chain.current_step);
      if (!current) return;
      const task = await this.tasks.lockForClient(manager, clientId, current.id);
      if (task && !isTerminal(task.status, task.retry_at)) await this.lifecycle.cancel(manager, task, reason);
    });
    return this.get(clientId, id);
  }
}
