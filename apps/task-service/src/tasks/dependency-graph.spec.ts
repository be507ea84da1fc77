import { effectivePriorities, findCycle } from './dependency-graph';

describe('findCycle', () => {
  it('finds none in a diamond', () => {
    expect(findCycle([{ id: 'a', dependsOn: ['b', 'c'] }, { id: 'b', dependsOn: ['d'] }, { id: 'c', dependsOn: ['d'] }, { id: 'd', dependsOn: [] }])).toBeNull();
  });

  it('names the cycle as the path that closes it', () => {
    const cycle = findCycle([{ id: 'x', dependsOn: ['a'] }, { id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['c'] }, { id: 'c', dependsOn: ['a'] }]);
    expect(cycle).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds a task depending on itself', () => {
    expect(findCycle([{ id: 'a', dependsOn: ['a'] }])).toEqual(['a', 'a']);
  });

  it('ignores dependencies outside the graph', () => {
    expect(findCycle([{ id: 'a', dependsOn: ['existing-task'] }])).toBeNull();
  });
});

describe('effectivePriorities', () => {
  it('raises dependencies transitively to the highest dependent priority', () => {
    const result = effectivePriorities([
      { id: 'leaf', floor: 2, dependsOn: [] },
      { id: 'middle', floor: 3, dependsOn: ['leaf'] },
      { id: 'urgent', floor: 9, dependsOn: ['middle'] },
      { id: 'other', floor: 6, dependsOn: ['leaf'] },
    ]);
    expect(Object.fromEntries(result)).toEqual({ leaf: 9, middle: 9, urgent: 9, other: 6 });
  });

  it('never lowers a node below its floor', () => {
    const result = effectivePriorities([
      { id: 'dependency', floor: 8, dependsOn: [] },
      { id: 'dependent', floor: 4, dependsOn: ['dependency'] },
    ]);
    expect(result.get('dependency')).toBe(8);
    expect(result.get('dependent')).toBe(4);
  });
});
