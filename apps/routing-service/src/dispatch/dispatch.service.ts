import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { PoliciesRepository, policyKey } from '../policies/policies.repository';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import type { CandidateAgent, RoutingStrategy } from '../strategies/routing-strategy';
import { STRATEGY_REGISTRY } from '../strategies/strategies.provider';
import type { StrategyRegistry } from '../strategies/strategy-registry';
import { BackpressureService } from './backpressure.service';
import { DispatchMetrics } from './dispatch.metrics';
import { levelsWithMore, planDecisions, type PlannedDecision } from './dispatch-plan';
import { hasFreeSlot, matchingKey } from './matching.rules';
import { inDispatchOrder, splitAtFrontier } from './queue-order.rules';
import { QueueRepository, type DecisionRecord, type QueuedTask, type ReadTask } from './queue.repository';

const DECISION_HISTORY_MS = 24 * 3_600_000;

interface PlannedRound {
  planned: PlannedDecision<QueuedTask>[];
  /** Set when the round read every task queued, and these were the highest arrival among them. */
  readAllUpTo: number | undefined;
}

/** `more`: the batch filled up, go again now; `idle`: nothing more to do now; `busy`: another replica is dispatching. */
export type RoundOutcome = 'more' | 'idle' | 'busy';

/**
 * One dispatch round: in one transaction, walk the queue in dispatch order and decide every task
 * that has a capable agent with a free slot, up to the batch size.
 *
 * Correctness with several replicas: a transaction-scoped advisory lock lets one replica dispatch
 * at a time (the others skip the round), so decisions are made in one global priority order;
 * the online agents' rows are locked for the round, so their load cannot change under it; the
 * round is planned in memory, then written in bulk: the queue rows are deleted (the claim), the
 * unique (task, attempt) decisions inserted, the slots taken with a conditional increment and
 * `ains.routing.decided.v1` appended to the outbox, all in the same transaction. A task attempt is therefore decided at most once and an agent never has more
 * in-flight decisions than its max_concurrency.
 */
@Injectable()
export class DispatchService {
  /** The last round that read every queued task and planned nothing: its fleet's matching key and the highest arrival it read. */
  private fruitless: { fleet: string; upTo: number } | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly queue: QueueRepository,
    private readonly policies: PoliciesRepository,
    private readonly backpressure: BackpressureService,
    private readonly metrics: DispatchMetrics,
    @Inject(STRATEGY_REGISTRY) private readonly strategies: StrategyRegistry,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  async runRound(): Promise<RoundOutcome> {
    let decisions: DecisionRecord[] = [];
    const outcome = await this.transactions.run(async (manager): Promise<RoundOutcome> => {
      if (!(await this.queue.tryLockDispatch(manager))) return 'busy';
      const agents = await this.queue.lockOnlineAgents(manager);
      if (!agents.some(hasFreeSlot)) return 'idle';
      const fleet = matchingKey(agents);
      const now = new Date();
      const round = await this.plan(manager, agents, now, this.fruitless?.fleet === fleet ? this.fruitless.upTo : undefined);
      if (round.planned.length === 0) {
        if (round.readAllUpTo !== undefined) this.fruitless = { fleet, upTo: round.readAllUpTo };
        return 'idle';
      }
      decisions = await this.record(manager, round.planned, now);
      if (decisions.length > 0) await this.backpressure.evaluate(manager);
      return round.planned.length >= this.settings.dispatchBatchSize ? 'more' : 'idle';
    });
    for (const decision of decisions) this.metrics.recordDecision(decision);
    return outcome;
  }

  /**
   * Plans the round. When the last round that planned nothing had read every queued task in a
   * fleet with the same matching key, the tasks it read still have no candidate (a task's
   * requirements do not change while it waits; queued again, it arrives anew), so only later
   * arrivals are read: a backlog no agent can take costs a round nothing. Otherwise, or when more
   * than the scan limit arrived since, the queue is read from its head.
   */
  private async plan(manager: EntityManager, agents: CandidateAgent[], now: Date, examinedUpTo: number | undefined): Promise<PlannedRound> {
    const policies = new TenantPolicies(this.policies, manager);
    if (examinedUpTo !== undefined) {
      const arrived = await this.queue.arrivedAfter(manager, examinedUpTo, this.settings.dispatchScanLimit);
      if (arrived.length < this.settings.dispatchScanLimit) {
        const ready = inDispatchOrder(arrived, now, this.settings.ageBoost);
        const planned = await this.planReady(ready, agents, policies, this.settings.dispatchBatchSize);
        return { planned, readAllUpTo: Math.max(examinedUpTo, ...arrived.map((task) => task.arrival)) };
      }
    }
    return this.planFromHead(manager, agents, now, policies);
  }

  /**
   * Plans over the head of the queue: the first window of every priority level, then, while
   * agents still have free slots and the batch is not full, the next window of each level that
   * had more, so tasks no agent can take never hide the ones queued behind them. A task is
   * planned only once no unread task can outrank it (splitAtFrontier). Reads at most
   * ROUTING_DISPATCH_SCAN_LIMIT tasks; the last window read plans everything read.
   */
  private async planFromHead(manager: EntityManager, agents: CandidateAgent[], now: Date, policies: TenantPolicies): Promise<PlannedRound> {
    const { dispatchWindowPerPriority: perPriority, dispatchBatchSize: limit, dispatchScanLimit: scanLimit, ageBoost } = this.settings;
    const planned: PlannedDecision<QueuedTask>[] = [];
    // A window read while tasks come and go may repeat a task an earlier one had.
    const seen = new Set<string>();
    let lastArrival = 0;
    let waiting: ReadTask[] = [];
    let levels: number[] | undefined;
    for (let page = 0; ; page += 1) {
      const window = await this.queue.window(manager, perPriority, levels, page);
      const fresh = window.filter((task) => !seen.has(task.taskId));
      for (const task of fresh) seen.add(task.taskId);
      lastArrival = Math.max(lastArrival, ...fresh.map((task) => task.arrival));
      const withMore = levelsWithMore(window, perPriority);
      const lastWindow = withMore.length === 0 || seen.size >= scanLimit;
      const readOfFullLevels = lastWindow ? [] : window.filter((task) => withMore.includes(task.effectivePriority));
      const split = splitAtFrontier([...waiting, ...fresh], readOfFullLevels, now, ageBoost);
      waiting = split.waiting;
      planned.push(...(await this.planReady(split.ready, agents, policies, limit - planned.length)));
      if (lastWindow || planned.length >= limit || !agents.some(hasFreeSlot)) {
        return { planned, readAllUpTo: withMore.length === 0 ? lastArrival : undefined };
      }
      levels = withMore;
    }
  }

  private async planReady(ready: readonly QueuedTask[], agents: CandidateAgent[], policies: TenantPolicies, limit: number): Promise<PlannedDecision<QueuedTask>[]> {
    const strategies = await policies.of(ready);
    return planDecisions(ready, agents, (task) => this.strategyFor(task, strategies), limit);
  }

  /** Frees the slots of decisions task-service did not apply in time; returns how many. */
  expireUnconfirmed(): Promise<number> {
    return this.transactions.run((manager) => this.queue.expireUnconfirmed(manager, this.settings.decisionConfirmTimeoutMs));
  }

  /** Released decisions are history; a day of it is kept for inspection. */
  async pruneHistory(): Promise<void> {
    await this.transactions.run((manager) => this.queue.pruneReleasedDecisions(manager, DECISION_HISTORY_MS));
  }

  /**
   * Writes the planned decisions in bulk: claims the queue rows (a task cancelled meanwhile drops
   * out), inserts the decisions, takes the slots and appends the events.
   */
  private async record(manager: EntityManager, planned: PlannedDecision<QueuedTask>[], now: Date): Promise<DecisionRecord[]> {
    const claimed = await this.queue.claim(manager, planned.map(({ task }) => task));
    const records = planned
      .filter(({ task }) => claimed.has(task.taskId))
      .map<DecisionRecord>(({ task, agent, strategy, candidateCount, candidates }) => ({
        taskId: task.taskId,
        attempt: task.attempt,
        agentId: agent.agentId,
        clientId: task.clientId,
        strategy,
        candidateCount,
        candidates,
        queuedAt: task.queuedAt,
        decidedAt: now,
      }));
    const inserted = await this.queue.recordDecisions(manager, records);
    const decisions = records.filter((record) => inserted.has(record.taskId));
    if (decisions.length === 0) return [];
    const sequence = await this.queue.nextAssignmentNumbers(manager, decisions.length);
    const slots = new Map<string, { count: number; lastSeq: number }>();
    decisions.forEach((decision, index) => {
      const slot = slots.get(decision.agentId) ?? { count: 0, lastSeq: 0 };
      slots.set(decision.agentId, { count: slot.count + 1, lastSeq: sequence[index] });
    });
    // The agents' rows are locked by this transaction and the plan respected their limits: failing here is a bug.
    if (!(await this.queue.reserveSlots(manager, slots))) throw new Error('routing plan exceeded an agent’s free slots under the dispatch lock');
    await this.outbox.append(
      manager,
      ...decisions.map((decision) => ({
        type: 'ains.routing.decided.v1' as const,
        subject: decision.taskId,
        data: {
          taskId: decision.taskId,
          clientId: decision.clientId,
          agentId: decision.agentId,
          attempt: decision.attempt,
          strategy: decision.strategy,
          candidateCount: decision.candidateCount,
          candidates: decision.candidates,
          decidedAt: now.toISOString(),
        },
      })),
    );
    return decisions;
  }

  /** The task's own strategy, else its task type's policy, else the configured default. Unknown names fall through. */
  private strategyFor(task: QueuedTask, policies: Map<string, string>): RoutingStrategy {
    const named = [task.requirements.strategy, policies.get(policyKey(task.clientId, task.taskType))];
    for (const name of named) {
      const strategy = name ? this.strategies.get(name) : undefined;
      if (strategy) return strategy;
    }
    const fallback = this.strategies.get(this.settings.defaultStrategy);
    if (!fallback) throw new Error(`default routing strategy ${this.settings.defaultStrategy} is not registered`);
    return fallback;
  }
}

/** The tenants' routing policies, read once per tenant for a round. */
class TenantPolicies {
  private readonly strategies = new Map<string, string>();
  private readonly read = new Set<string>();

  constructor(
    private readonly repository: PoliciesRepository,
    private readonly manager: EntityManager,
  ) {}

  /** The policies (by policyKey) of every tenant of `tasks`, reading those not read yet. */
  async of(tasks: readonly QueuedTask[]): Promise<Map<string, string>> {
    const unread = [...new Set(tasks.map((task) => task.clientId))].filter((clientId) => !this.read.has(clientId));
    for (const [key, strategy] of await this.repository.forClients(this.manager, unread)) this.strategies.set(key, strategy);
    for (const clientId of unread) this.read.add(clientId);
    return this.strategies;
  }
}
