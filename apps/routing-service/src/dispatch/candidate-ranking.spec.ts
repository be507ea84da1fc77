import { FastestResponseStrategy } from '../strategies/fastest-response.strategy';
import { LeastLoadedStrategy } from '../strategies/least-loaded.strategy';
import { RoundRobinStrategy } from '../strategies/round-robin.strategy';
import { agent, task } from '../strategies/test-factories';
import { TrustWeightedStrategy } from '../strategies/trust-weighted.strategy';
import { rankCandidates } from './candidate-ranking';

describe('the candidates recorded with a decision', () => {
  it('are the strategy’s top candidates, best first, the chosen one first for a deterministic strategy', () => {
    const strategy = new LeastLoadedStrategy();
    const candidates = [agent('a', { activeCount: 3, maxConcurrency: 4 }), agent('b', { activeCount: 0, maxConcurrency: 2 }), agent('c', { activeCount: 1, maxConcurrency: 4 })];
    const chosen = strategy.selectAgent(task(), candidates);
    expect(rankCandidates(strategy, candidates, chosen)).toEqual([
      { agentId: 'b', score: 1, factors: { active_tasks: 0, utilisation: 0 } },
      { agentId: 'c', score: 0.5, factors: { active_tasks: 1, utilisation: 0.25 } },
      { agentId: 'a', score: 0.25, factors: { active_tasks: 3, utilisation: 0.75 } },
    ]);
  });

  it('are at most the limit, in the same order a full sort would give', () => {
    const strategy = new FastestResponseStrategy();
    const candidates = [900, 100, 700, null, 300, 500, 200].map((avg, index) => agent(`a${index}`, { avgCompletionMs: avg }));
    const ranked = rankCandidates(strategy, candidates, strategy.selectAgent(task(), candidates), 5);
    expect(ranked.map((c) => c.agentId)).toEqual(['a3', 'a1', 'a6', 'a4', 'a5']);
    expect(ranked[0]).toEqual({ agentId: 'a3', score: 1, factors: { active_tasks: 0 } });
    expect(ranked[1]).toEqual({ agentId: 'a1', score: 0.9091, factors: { avg_completion_ms: 100, active_tasks: 0 } });
  });

  it('give round robin’s turn positions', () => {
    const strategy = new RoundRobinStrategy();
    const candidates = [agent('a', { lastAssignedSeq: 9 }), agent('b', { lastAssignedSeq: 2 }), agent('c')];
    expect(rankCandidates(strategy, candidates, strategy.selectAgent(task(), candidates)).map((c) => [c.agentId, c.score, c.factors.position])).toEqual([
      ['c', 1, 1],
      ['b', 0.5, 2],
      ['a', 0.3333, 3],
    ]);
  });

  it('always include a randomly chosen agent ranked below the top, in the last place with its real position', () => {
    const strategy = new TrustWeightedStrategy();
    const candidates = [9_000, 8_000, 7_000, 6_000, 5_000, 4_000, 1_000].map((trustBp, index) => agent(`a${index}`, { trustBp }));
    const ranked = rankCandidates(strategy, candidates, candidates[6], 3);
    expect(ranked.map((c) => c.agentId)).toEqual(['a0', 'a1', 'a6']);
    expect(ranked[2]).toEqual({ agentId: 'a6', score: 0.025, factors: { trust: 0.1 } });
    expect(ranked[0].score).toBe(0.225);
  });

  it('score every candidate of an all-zero trust field uniformly', () => {
    const strategy = new TrustWeightedStrategy(() => 0);
    const candidates = [agent('a', { trustBp: 0 }), agent('b', { trustBp: 0 })];
    expect(rankCandidates(strategy, candidates, strategy.selectAgent(task(), candidates)).map((c) => c.score)).toEqual([0.5, 0.5]);
  });
});
