import { LeastLoadedStrategy } from '../strategies/least-loaded.strategy';
import { RoundRobinStrategy } from '../strategies/round-robin.strategy';
import { agent, task } from '../strategies/test-factories';
import { levelsWithMore, planDecisions } from './dispatch-plan';

const tasks = (n: number, overrides: Parameters<typeof task>[0] = {}) => Array.from({ length: n }, (_, i) => task({ ...overrides, taskId: `task-${i}` }));

describe('planning a dispatch round', () => {
  it('counts each planned decision against the agent before the next task, never over its limit', () => {
    const agents = [agent('a', { maxConcurrency: 2 }), agent('b', { maxConcurrency: 1 })];
    const plan = planDecisions(tasks(5), agents, () => new LeastLoadedStrategy(), 100);
    expect(plan.map((d) => d.agent.agentId)).toEqual(['a', 'b', 'a']);
    expect(agents.map((a) => a.activeCount)).toEqual([2, 1]);
  });

  it('takes round-robin turns within one round, after the agents’ earlier assignments', () => {
    const agents = [agent('a', { lastAssignedSeq: 7, maxConcurrency: 9 }), agent('b', { lastAssignedSeq: 3, maxConcurrency: 9 }), agent('c', { maxConcurrency: 9 })];
    const plan = planDecisions(tasks(6), agents, () => new RoundRobinStrategy(), 100);
    expect(plan.map((d) => d.agent.agentId)).toEqual(['c', 'b', 'a', 'c', 'b', 'a']);
  });

  it('skips a task no free agent can serve and serves the next one', () => {
    const plan = planDecisions([task({ taskId: 'gpu', requirements: { requiredTags: ['gpu'], capabilities: [], minTrust: null, strategy: null } }), task({ taskId: 'any' })], [agent('cpu')], () => new LeastLoadedStrategy(), 100);
    expect(plan.map((d) => [d.task.taskId, d.candidateCount])).toEqual([['any', 1]]);
  });

  it('records each decision’s candidates as they stood before the decision took its slot', () => {
    const plan = planDecisions(tasks(2), [agent('a', { maxConcurrency: 2 }), agent('b', { maxConcurrency: 2, activeCount: 1 })], () => new LeastLoadedStrategy(), 100);
    expect(plan.map((d) => d.candidates.map((c) => [c.agentId, c.factors.active_tasks]))).toEqual([
      [['a', 0], ['b', 1]],
      [['b', 1], ['a', 1]],
    ]);
  });

  it('stops at the batch limit', () => {
    expect(planDecisions(tasks(5), [agent('a', { maxConcurrency: 10 })], () => new LeastLoadedStrategy(), 3)).toHaveLength(3);
  });
});

describe('levels with more tasks than a window read', () => {
  const at = (effectivePriority: number) => ({ effectivePriority });

  it('are those of which the window read a full page', () => {
    expect(levelsWithMore([at(9), at(3), at(9), at(5), at(3)], 2)).toEqual([3, 9]);
  });

  it('are none when every level ran out', () => {
    expect(levelsWithMore([at(9), at(3)], 2)).toEqual([]);
    expect(levelsWithMore([], 2)).toEqual([]);
  });
});
