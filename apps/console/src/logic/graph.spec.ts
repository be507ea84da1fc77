import { NODE, taskGraph } from './graph';

describe('taskGraph', () => {
  it('puts dependencies left of the task with an edge from each', () => {
    const graph = taskGraph({ id: 't', taskType: 'merge', status: 'blocked', chainSteps: [], dependsOn: [{ id: 'a', taskType: 'fetch', status: 'completed' }, { id: 'b', taskType: null, status: null }] });
    expect(graph.nodes.map((node) => [node.id, node.x, node.current])).toEqual([['a', 0, false], ['b', 0, false], ['t', NODE.width + NODE.gapX, true]]);
    expect(graph.edges).toEqual([{ from: 'a', to: 't' }, { from: 'b', to: 't' }]);
    expect(graph.nodes[2]!.y).toBe((NODE.height + NODE.gapY) / 2);
  });

  it('draws a chain as its steps in order and marks this task', () => {
    const graph = taskGraph({
      id: 't2',
      taskType: 'b',
      status: 'running',
      dependsOn: [],
      chainSteps: [{ index: 0, taskType: 'a', taskId: 't1', status: 'completed' }, { index: 1, taskType: 'b', taskId: 't2', status: 'running' }, { index: 2, taskType: 'c', taskId: null, status: null }],
    });
    expect(graph.nodes.map((node) => [node.id, node.current])).toEqual([['t1', false], ['t2', true], ['step-2', false]]);
    expect(graph.edges).toEqual([{ from: 't1', to: 't2' }, { from: 't2', to: 'step-2' }]);
    expect(graph.width).toBe(3 * NODE.width + 2 * NODE.gapX);
  });

  it('is a single node for a lone task', () => {
    expect(taskGraph({ id: 't', taskType: 'x', status: 'queued', dependsOn: [], chainSteps: [] }).nodes).toHaveLength(1);
  });
});
