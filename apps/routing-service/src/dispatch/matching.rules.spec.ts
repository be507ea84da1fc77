import { agent, task } from '../strategies/test-factories';
import { candidatesFor, isCapable, matchingKey, versionSatisfies } from './matching.rules';

const requirements = (overrides: Partial<ReturnType<typeof task>['requirements']> = {}) => ({ requiredTags: [], capabilities: [], minTrust: null, strategy: null, ...overrides });

describe('capability matching', () => {
  it('needs every required tag', () => {
    const gpuNlp = agent('a', { tags: ['gpu', 'nlp'] });
    expect(isCapable(gpuNlp, requirements({ requiredTags: ['gpu', 'nlp'] }))).toBe(true);
    expect(isCapable(gpuNlp, requirements({ requiredTags: ['gpu', 'vision'] }))).toBe(false);
  });

  it('matches capability versions against semver ranges, tolerating short versions', () => {
    const python = agent('a', { capabilities: [{ name: 'python', version: '3.12.1' }, { name: 'node', version: '20' }] });
    expect(isCapable(python, requirements({ capabilities: [{ name: 'python', range: '>=3.11 <4' }] }))).toBe(true);
    expect(isCapable(python, requirements({ capabilities: [{ name: 'python', range: '^3.13' }] }))).toBe(false);
    expect(isCapable(python, requirements({ capabilities: [{ name: 'node', range: '>=18' }, { name: 'python', range: '3.x' }] }))).toBe(true);
    expect(isCapable(python, requirements({ capabilities: [{ name: 'java', range: '*' }] }))).toBe(false);
  });

  it('treats an invalid range as matching nothing', () => {
    expect(versionSatisfies('3.12.1', 'not a range!')).toBe(false);
    expect(versionSatisfies('garbage', '*')).toBe(false);
  });

  it('needs the minimum trust', () => {
    expect(isCapable(agent('a', { trustBp: 7_000 }), requirements({ minTrust: 0.7 }))).toBe(true);
    expect(isCapable(agent('a', { trustBp: 6_999 }), requirements({ minTrust: 0.7 }))).toBe(false);
  });
});

describe('candidates of a task', () => {
  it('keeps capable agents with a free slot', () => {
    const agents = [agent('full', { activeCount: 2, maxConcurrency: 2 }), agent('free', { activeCount: 1, maxConcurrency: 2 }), agent('other', { tags: ['x'] })];
    expect(candidatesFor(task({ requirements: requirements({ requiredTags: ['x'] }) }), agents).map((a) => a.agentId)).toEqual(['other']);
    expect(candidatesFor(task(), agents).map((a) => a.agentId)).toEqual(['free', 'other']);
  });

  it('avoids agents that failed the task while another capable agent is online, even a busy one', () => {
    const failed = agent('failed');
    expect(candidatesFor(task({ excludedAgentIds: ['failed'] }), [failed, agent('other')]).map((a) => a.agentId)).toEqual(['other']);
    expect(candidatesFor(task({ excludedAgentIds: ['failed'] }), [failed, agent('busy', { activeCount: 1 })])).toEqual([]);
  });

  it('goes back to an excluded agent when it is the only capable one', () => {
    expect(candidatesFor(task({ excludedAgentIds: ['failed'] }), [agent('failed')]).map((a) => a.agentId)).toEqual(['failed']);
    const onlyGpu = task({ excludedAgentIds: ['gpu-1'], requirements: requirements({ requiredTags: ['gpu'] }) });
    expect(candidatesFor(onlyGpu, [agent('gpu-1', { tags: ['gpu'] }), agent('cpu')]).map((a) => a.agentId)).toEqual(['gpu-1']);
  });
});

describe('the matching key of a fleet', () => {
  const fleet = () => [agent('a', { tags: ['gpu'], maxConcurrency: 4, activeCount: 1, trustBp: 7_000 }), agent('b', { maxConcurrency: 2, activeCount: 0 })];
  const key = matchingKey(fleet());

  it('stays the same while load changes without filling or freeing an agent', () => {
    const [a, b] = fleet();
    expect(matchingKey([{ ...a, activeCount: 3, avgCompletionMs: 900, lastAssignedSeq: 42 }, b])).toBe(key);
  });

  it('changes with anything that can give a task a candidate or take it away', () => {
    const [a, b] = fleet();
    expect(matchingKey([{ ...a, activeCount: 4 }, b])).not.toBe(key);
    expect(matchingKey([{ ...a, tags: ['gpu', 'nlp'] }, b])).not.toBe(key);
    expect(matchingKey([{ ...a, capabilities: [{ name: 'python', version: '3.12' }] }, b])).not.toBe(key);
    expect(matchingKey([{ ...a, trustBp: 7_001 }, b])).not.toBe(key);
    expect(matchingKey([a])).not.toBe(key);
    expect(matchingKey([a, b, agent('c')])).not.toBe(key);
  });
});
