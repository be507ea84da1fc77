import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { ProblemException } from '@ains/platform';
import { Agent } from './agent.entity';
import { AgentsRepository } from './agents.repository';
import type { RegisterAgentDto } from './dto/register-agent.dto';

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Stores the agent and its `registered` event in one transaction. */
  register(dto: RegisterAgentDto): Promise<Agent> {
    return this.transactions.run(async (manager) => {
      const agent = await this.agents.insert(
        manager,
        Object.assign(new Agent(), {
          id: randomUUID(),
          displayName: dto.display_name,
          endpoint: dto.endpoint ?? null,
          tags: [...new Set(dto.tags ?? [])],
          capabilities: (dto.capabilities ?? []).map(({ name, version }) => ({ name, version })),
          maxConcurrency: dto.max_concurrency ?? 1,
          status: 'online',
          metadata: dto.metadata ?? {},
        }),
      );
      await this.outbox.append(manager, {
        type: 'ains.agent.registered.v1',
        subject: agent.id,
        data: {
          agentId: agent.id,
          displayName: agent.displayName,
          tags: agent.tags,
          capabilities: agent.capabilities,
          maxConcurrency: agent.maxConcurrency,
          status: agent.status,
          registeredAt: agent.registeredAt.toISOString(),
        },
      });
      return agent;
    });
  }

  async get(id: string): Promise<Agent> {
    const agent = await this.agents.findById(id);
    if (!agent) throw ProblemException.notFound(`Agent ${id}`);
    return agent;
  }

  list(limit: number): Promise<Agent[]> {
    return this.agents.list(limit);
  }
}
