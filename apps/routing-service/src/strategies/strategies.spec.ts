import { FastestResponseStrategy } from './fastest-response.strategy';
import { LeastLoadedStrategy } from './least-loaded.strategy';
import { RoundRobinStrategy } from './round-robin.strategy';
import { builtInStrategies, StrategyRegistry } from './strategy-registry';
import { agent, task } from './test-factories';
import { TrustWeightedStrategy } from './trust-weighted.strategy';

describe('round_robin', () => {
  const strategy = new RoundRobinStrategy();

  it('picks a never-assigned agent first, then the one assigned longest ago', () => {
    expect(strategy.selectAgent(task(), [agent('a', { lastAssignedSeq: 3 }), agent('b'), agent('c', { lastAssignedSeq: 1 })]).agentId).toBe('b');
    expect(strategy.selectAgent(task(), [agent('a', { lastAssignedSeq: 3 }), agent('c', { lastAssignedSeq: 1 })]).agentId).toBe('c');
  });

  it('spreads 3000 tasks over 3 agents exactly evenly', () => {
    const agents = [agent('a'), agent('b'), agent('c')];
    const counts = new Map<string, number>();
    for (let seq = 1; seq <= 3_000; seq += 1) {
      const chosen = strategy.selectAgent(task(), agents);
      chosen.lastAssignedSeq = seq;
      counts.set(chosen.agentId, (counts.get(chosen.agentId) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([1_000, 1_000, 1_000]);
  });

  it('takes strict turns: no agent gets a second task before every other got one', () => {
    const agents = [agent('a'), agent('b'), agent('c'), agent('d')];
    const order: string[] = [];
    for (let seq = 1; seq <= 8; seq += 1) {
      const chosen = strategy.selectAgent(task(), agents);
      chosen.lastAssignedSeq = seq;
      order.push(chosen.agentId);
    }
    expect(order).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']);
  });
});

describe('least_loaded', () => {
  const strategy = new LeastLoadedStrategy();

  it('picks the agent with the fewest active tasks', () => {
    expect(strategy.selectAgent(task(), [agent('a', { activeCount: 3, maxConcurrency: 10 }), agent('b', { activeCount: 1, maxConcurrency: 10 })]).agentId).toBe('b');
  });

  it('breaks a tie by utilisation, then by who waited longest', () => {
    expect(strategy.selectAgent(task(), [agent('a', { activeCount: 1, maxConcurrency: 2 }), agent('b', { activeCount: 1, maxConcurrency: 8 })]).agentId).toBe('b');
    expect(strategy.selectAgent(task(), [agent('a', { lastAssignedSeq: 9 }), agent('b', { lastAssignedSeq: 4 })]).agentId).toBe('b');
  });
});

describe('fastest_response', () => {
  const strategy = new FastestResponseStrategy();

  it('picks the lowest average completion time', () => {
    expect(strategy.selectAgent(task(), [agent('a', { avgCompletionMs: 900 }), agent('b', { avgCompletionMs: 120 }), agent('c', { avgCompletionMs: 400 })]).agentId).toBe('b');
  });

  it('tries an unmeasured agent before measured ones, so new agents get measured', () => {
    expect(strategy.selectAgent(task(), [agent('a', { avgCompletionMs: 5 }), agent('new')]).agentId).toBe('new');
  });

  it('prefers the less loaded of two equally fast agents', () => {
    expect(strategy.selectAgent(task(), [agent('a', { avgCompletionMs: 100, activeCount: 2, maxConcurrency: 4 }), agent('b', { avgCompletionMs: 100, activeCount: 0, maxConcurrency: 4 })]).agentId).toBe('b');
  });
});

describe('trust_weighted', () => {
  it('maps the random point onto the cumulative trust weights', () => {
    const candidates = [agent('a', { trustBp: 2_000 }), agent('b', { trustBp: 6_000 }), agent('c', { trustBp: 2_000 })];
    const pick = (point: number) => new TrustWeightedStrategy(() => point).selectAgent(task(), candidates).agentId;
    expect([pick(0), pick(0.19), pick(0.2), pick(0.79), pick(0.8), pick(0.999_999)]).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('never picks an agent with trust 0 while another has some, and is uniform when all have 0', () => {
    const zero = agent('zero', { trustBp: 0 });
    expect(new TrustWeightedStrategy(() => 0).selectAgent(task(), [zero, agent('some', { trustBp: 1 })]).agentId).toBe('some');
    expect(new TrustWeightedStrategy(() => 0.6).selectAgent(task(), [agent('x', { trustBp: 0 }), agent('y', { trustBp: 0 })]).agentId).toBe('y');
  });
});

describe('strategy registry', () => {
  it('has the four built-in strategies by name', () => {
    expect(builtInStrategies().list().map((s) => s.name)).toEqual(['round_robin', 'least_loaded', 'trust_weighted', 'fastest_response']);
    expect(builtInStrategies().get('nope')).toBeUndefined();
  });

  it('refuses two strategies with one name', () => {
    expect(() => new StrategyRegistry([new RoundRobinStrategy(), new RoundRobinStrategy()])).toThrow(/round_robin/);
  });
});
