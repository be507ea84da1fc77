import { Inject, Injectable } from '@nestjs/common';
import type { AgentStatus, AgentView, Caller } from '@ains/contracts';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import type { EntityManager } from 'typeorm';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { isOwnAgentKey, mayActForAgent, notYourAgent, visibleTo } from '../agents/agent-access.policy';
import { AgentCache } from '../agents/agent-cache';
import type { Agent } from '../agents/agent.entity';
import { toAgentView } from '../agents/agent.mapper';
import { AgentsRepository } from '../agents/agents.repository';
import { AgentsService } from '../agents/agents.service';

/** Most agents one sweep takes offline; the next sweep continues. */
const SWEEP_BATCH = 500;

/** Heartbeats, drains and the detection of agents that stopped sending heartbeats. */
@Injectable()
export class LivenessService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly registry: AgentsService,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly cache: AgentCache,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
  ) {}

  async heartbeat(caller: Caller, id: string): Promise<AgentView> {
    await this.transactions.run(async (manager) => {
      // The agent's own key (the usual heartbeat) needs no lookup; anyone else is checked against the owner.
      if (!isOwnAgentKey(caller, id)) this.authorise(caller, await this.registry.lockLive(manager, id));
      const beat = await this.agents.heartbeat(manager, id);
      if (!beat) {
        await this.registry.lockLive(manager, id);
        return;
      }
      if (beat.status !== beat.previousStatus) await this.publishStatus(manager, id, beat.status, beat.previousStatus, 'heartbeat received');
    });
    await this.cache.invalidate(id);
    return visibleTo(toAgentView(await this.registry.record(id)), caller);
  }

  /** The agent keeps its current tasks and gets no new ones; the drain survives going offline. */
  async drain(caller: Caller, id: string): Promise<AgentView> {
    await this.transactions.run(async (manager) => {
      const agent = await this.registry.lockLive(manager, id);
      this.authorise(caller, agent);
      const previousStatus = agent.status;
      agent.draining = true;
      if (previousStatus === 'online') agent.status = 'draining';
      await this.agents.save(manager, agent);
      if (agent.status !== previousStatus) await this.publishStatus(manager, id, agent.status, previousStatus, 'drain requested');
    });
    await this.cache.invalidate(id);
    return visibleTo(toAgentView(await this.registry.record(id)), caller);
  }

  /** Ends a drain: a draining agent is online again; an offline one will be when its heartbeats return. */
  async resume(caller: Caller, id: string): Promise<AgentView> {
    await this.transactions.run(async (manager) => {
      const agent = await this.registry.lockLive(manager, id);
      this.authorise(caller, agent);
      if (!agent.draining) return;
      const previousStatus = agent.status;
      agent.draining = false;
      if (previousStatus === 'draining') agent.status = 'online';
      await this.agents.save(manager, agent);
      if (agent.status !== previousStatus) await this.publishStatus(manager, id, agent.status, previousStatus, 'drain ended');
    });
    await this.cache.invalidate(id);
    return visibleTo(toAgentView(await this.registry.record(id)), caller);
  }

  /** Takes agents whose heartbeats stopped offline; safe to run on every replica at once. Returns how many. */
  async sweep(): Promise<number> {
    const transitions = await this.transactions.run(async (manager) => {
      const overdue = await this.agents.markOverdueOffline(manager, this.settings.heartbeatTimeoutMs, SWEEP_BATCH);
      for (const { id, previousStatus } of overdue) {
        await this.publishStatus(manager, id, 'offline', previousStatus, `no heartbeat for ${this.settings.heartbeatTimeoutMs} ms`);
      }
      return overdue;
    });
    await this.cache.invalidate(...transitions.map((t) => t.id));
    return transitions.length;
  }

  private authorise(caller: Caller, agent: Agent): void {
    if (!mayActForAgent(caller, agent)) throw notYourAgent(agent.id);
  }

  private async publishStatus(manager: EntityManager, agentId: string, status: AgentStatus, previousStatus: AgentStatus, reason: string): Promise<void> {
    await this.outbox.append(manager, {
      type: 'ains.agent.status_changed.v1',
      subject: agentId,
      data: { agentId, status, previousStatus, reason, changedAt: new Date().toISOString() },
    });
  }
}
