/**
 * Layout of the small graph on a task's page: its dependencies on the left, the task, and the
 * chain it belongs to as a row of steps. Positions are in SVG user units.
 */
export interface GraphNode {
  id: string;
  label: string;
  status: string | null;
  x: number;
  y: number;
  current: boolean;
  /** The task page to open, when the node is a task. */
  taskId: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export const NODE = { width: 150, height: 40, gapX: 50, gapY: 16 } as const;

export interface GraphInput {
  id: string;
  taskType: string;
  status: string;
  dependsOn: readonly { id: string; taskType: string | null; status: string | null }[];
  chainSteps: readonly { index: number; taskType: string; taskId: string | null; status: string | null }[];
}

export function taskGraph(input: GraphInput): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const column = (index: number) => index * (NODE.width + NODE.gapX);
  const row = (index: number) => index * (NODE.height + NODE.gapY);
  if (input.chainSteps.length > 0) {
    // The chain is the story: its steps in order, each depending on the one before.
    let previous: string | null = null;
    input.chainSteps.forEach((step, index) => {
      const id = step.taskId ?? `step-${step.index}`;
      nodes.push({ id, label: `${step.index + 1}. ${step.taskType}`, status: step.status, x: column(index), y: row(0), current: step.taskId === input.id, taskId: step.taskId });
      if (previous !== null) edges.push({ from: previous, to: id });
      previous = id;
    });
  } else {
    input.dependsOn.forEach((dependency, index) => {
      nodes.push({ id: dependency.id, label: dependency.taskType ?? dependency.id.slice(0, 8), status: dependency.status, x: 0, y: row(index), current: false, taskId: dependency.id });
      edges.push({ from: dependency.id, to: input.id });
    });
    const middle = Math.max(0, (input.dependsOn.length - 1) / 2);
    nodes.push({ id: input.id, label: input.taskType, status: input.status, x: input.dependsOn.length > 0 ? column(1) : 0, y: row(middle), current: true, taskId: input.id });
  }
  const width = Math.max(...nodes.map((node) => node.x)) + NODE.width;
  const height = Math.max(...nodes.map((node) => node.y)) + NODE.height;
  return { nodes, edges, width, height };
}
