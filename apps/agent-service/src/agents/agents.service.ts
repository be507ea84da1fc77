import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AGENT_STATUSES, publicKeyFingerprint, type AgentStatsView, type AgentView, type Caller, type ListAgentsQuery, type RegisterAgentBody, type UpdateAgentBody } from '@ains/contracts';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { DestinationRefusedError, LOGGER, ProblemException, resolveDestination } from '@ains/platform';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AGENT_SETTINGS, type AgentSettings } from '../agent-settings';
import { mayManageAgent, notYourAgent, visibleTo } from './agent-access.policy';
import { Agent } from './agent.entity';
import { AgentCache } from './agent-cache';
import { AgentListCache, type AgentPage } from './agent-list-cache';
import { NO_METRICS, type AgentRecord } from './agent-record';
import { toAgentView } from './agent.mapper';
import { AgentsRepository, type AgentListFilter, type AgentPageKey } from './agents.repository';
import { hasCapabilityInRange, isValidRange } from './capability-range';

/** Rows read per round while a capability range filters in memory. */
const RANGE_SCAN_BATCH = 200;

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly cache: AgentCache,
    private readonly lists: AgentListCache,
    @Inject(AGENT_SETTINGS) private readonly settings: AgentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Stores the agent and its `registered` event in one transaction. Registering counts as a heartbeat. */
  async register(caller: Caller, body: RegisterAgentBody): Promise<AgentView> {
    if (body.endpoint) await this.checkEndpoint(body.endpoint);
    const agent = await this.transactions.run(async (manager) => {
      const created = await this.agents.insert(
        manager,
        Object.assign(new Agent(), {
          id: randomUUID(),
          displayName: body.display_name,
          endpoint: body.endpoint ?? null,
          ownerClientId: caller.clientId,
          publicKey: body.public_key ?? null,
          tags: [...new Set(body.tags)],
          capabilities: body.capabilities,
          maxConcurrency: body.max_concurrency,
          status: 'online',
          metadata: body.metadata,
          draining: false,
          lastHeartbeatAt: new Date(),
        }),
      );
      await this.outbox.append(manager, {
        type: 'ains.agent.registered.v1',
        subject: created.id,
        data: { ...profileOf(created), status: created.status, registeredAt: created.registeredAt.toISOString() },
      });
      return created;
    });
    await this.cache.invalidate(agent.id);
    return toAgentView({ agent, metrics: NO_METRICS });
  }

  /** Cache-aside: the cache first, then Postgres (and the answer is cached for the next reader). */
  async get(caller: Caller, id: string): Promise<AgentView> {
    const cached = await this.cache.get(id);
    if (cached) return visibleTo(cached, caller);
    const view = toAgentView(await this.record(id));
    await this.cache.set(view);
    return visibleTo(view, caller);
  }

  /** A page of the fleet, from the list cache when an identical query was answered moments ago. */
  async list(caller: Caller, query: ListAgentsQuery): Promise<AgentPage> {
    const page = await this.lists.read(query, () => this.readPage(query));
    return { agents: page.agents.map((view) => visibleTo(view, caller)), nextCursor: page.nextCursor };
  }

  private async readPage(query: ListAgentsQuery): Promise<AgentPage> {
    let after = query.cursor ? pageKeyOf(query.cursor) : undefined;
    const range = query.capability_range;
    if (range !== undefined && !isValidRange(range)) {
      throw ProblemException.badRequest('The capability range is not a semver range.', [{ field: 'capability_range', message: 'must be a semver range such as >=3.11 <4' }]);
    }
    const filter: AgentListFilter = {
      tags: query.tags ? { values: query.tags, match: query.tags_match } : undefined,
      capabilityName: query.capability,
      status: query.status,
      minTrustBp: query.min_trust === undefined ? undefined : Math.round(query.min_trust * 10_000),
    };
    const matches = (record: AgentRecord) => range === undefined || hasCapabilityInRange(record.agent.capabilities, query.capability ?? '', range);
    // Semver ranges are checked here, not in SQL: read on until the page (plus one, to know if more follow) is full.
    const batchSize = range === undefined ? query.limit + 1 : RANGE_SCAN_BATCH;
    const found: AgentRecord[] = [];
    for (;;) {
      const batch = await this.agents.listPage(filter, batchSize, after);
      found.push(...batch.filter(matches));
      if (found.length > query.limit || batch.length < batchSize) break;
      const last = batch[batch.length - 1];
      after = { registeredAt: last.agent.registeredAt.toISOString(), id: last.agent.id };
    }
    const page = found.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = found.length > query.limit && last ? encodeCursor([last.agent.registeredAt.toISOString(), last.agent.id]) : null;
    return { agents: page.map(toAgentView), nextCursor };
  }

  /** The fleet per status, every status present. */
  async stats(): Promise<AgentStatsView> {
    const counts = await this.agents.countByStatus();
    return { generated_at: new Date().toISOString(), by_status: Object.fromEntries(AGENT_STATUSES.map((status) => [status, counts.get(status) ?? 0])) as AgentStatsView['by_status'] };
  }

  /**
   * Changes the profile and publishes the full new profile, which routing matches against and
   * task-service takes the public key from (a new key is a rotation: reports are verified with it
   * once task-service has the event).
   */
  async update(caller: Caller, id: string, body: UpdateAgentBody): Promise<AgentView> {
    if (body.endpoint) await this.checkEndpoint(body.endpoint);
    const rotation = await this.transactions.run(async (manager) => {
      const agent = await this.lockLive(manager, id);
      if (!mayManageAgent(caller, agent)) throw notYourAgent(id);
      const previousKey = agent.publicKey;
      if (body.display_name !== undefined) agent.displayName = body.display_name;
      if (body.endpoint !== undefined) agent.endpoint = body.endpoint;
      if (body.tags !== undefined) agent.tags = [...new Set(body.tags)];
      if (body.capabilities !== undefined) agent.capabilities = body.capabilities;
      if (body.max_concurrency !== undefined) agent.maxConcurrency = body.max_concurrency;
      if (body.metadata !== undefined) agent.metadata = body.metadata;
      if (body.public_key !== undefined) agent.publicKey = body.public_key;
      const saved = await this.agents.save(manager, agent);
      await this.outbox.append(manager, { type: 'ains.agent.updated.v1', subject: id, data: { ...profileOf(saved), updatedAt: saved.updatedAt.toISOString() } });
      return saved.publicKey === previousKey ? undefined : { previousKey, publicKey: saved.publicKey };
    });
    await this.cache.invalidate(id);
    // The updated event is the record every service reads; this line says who rotated the key, and from what to what.
    if (rotation) {
      const fingerprint = (key: string | null) => (key === null ? null : publicKeyFingerprint(key));
      this.logger.info({ agentId: id, clientId: caller.clientId, keyId: caller.keyId, previousFingerprint: fingerprint(rotation.previousKey), fingerprint: fingerprint(rotation.publicKey) }, 'agent public key rotated');
    }
    return visibleTo(toAgentView(await this.record(id)), caller);
  }

  /** Takes the agent out of the fleet for good; its record stays, with status `deregistered`. Idempotent. */
  async deregister(caller: Caller, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const agent = await this.agents.lockById(manager, id);
      if (!agent) throw ProblemException.notFound(`Agent ${id}`);
      if (!mayManageAgent(caller, agent)) throw notYourAgent(id);
      if (agent.status === 'deregistered') return;
      const previousStatus = agent.status;
      agent.status = 'deregistered';
      const saved = await this.agents.save(manager, agent);
      await this.outbox.append(manager, {
        type: 'ains.agent.status_changed.v1',
        subject: id,
        data: { agentId: id, status: 'deregistered', previousStatus, reason: 'deregistered', changedAt: saved.updatedAt.toISOString() },
      });
    });
    await this.cache.invalidate(id);
  }

  async record(id: string): Promise<AgentRecord> {
    const record = await this.agents.findRecord(id);
    if (!record) throw ProblemException.notFound(`Agent ${id}`);
    return record;
  }

  /**
   * The endpoint is where operators reach the agent itself (its own status or admin page); AINS
   * stores and shows it but never connects to it. It follows the webhook destination rules all
   * the same (every address the host resolves to must be public, or allowed by
   * AGENT_ENDPOINT_ALLOW_PRIVATE / AGENT_ENDPOINT_ALLOWED_CIDRS; cloud metadata addresses never),
   * so nothing that later acts on it can be pointed at the internal network.
   */
  private async checkEndpoint(endpoint: string): Promise<void> {
    try {
      await resolveDestination(new URL(endpoint).hostname, this.settings.endpointPolicy);
    } catch (error) {
      if (!(error instanceof DestinationRefusedError)) throw error;
      throw ProblemException.unprocessable(`The endpoint is not allowed: ${error.message}.`, [{ field: 'endpoint', message: error.message }]);
    }
  }

  /** The agent, locked for the transaction; 404 if unknown, 409 once deregistered. */
  async lockLive(manager: EntityManager, id: string): Promise<Agent> {
    const agent = await this.agents.lockById(manager, id);
    if (!agent) throw ProblemException.notFound(`Agent ${id}`);
    if (agent.status === 'deregistered') throw ProblemException.conflict(`Agent ${id} is deregistered.`);
    return agent;
  }
}

function profileOf(agent: Agent) {
  return { agentId: agent.id, displayName: agent.displayName, tags: agent.tags, capabilities: agent.capabilities, maxConcurrency: agent.maxConcurrency, publicKey: agent.publicKey };
}

function pageKeyOf(cursor: string): AgentPageKey {
  const parts = decodeCursor(cursor, 2);
  if (!parts) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  return { registeredAt: String(parts[0]), id: String(parts[1]) };
}
