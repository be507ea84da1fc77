import { NODE, taskGraph, type GraphInput } from '../logic/graph';
import { hrefOf } from '../logic/route';

/** Dependencies or chain steps around a task, each node a link to its task. */
export function TaskGraph({ input }: { input: GraphInput }) {
  const graph = taskGraph(input);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const summary = input.chainSteps.length
    ? `Chain of ${input.chainSteps.length} steps: ${input.chainSteps.map((step) => `${step.index + 1}. ${step.taskType} (${step.status ?? 'not started'})`).join(', ')}`
    : `Depends on ${input.dependsOn.length} task(s)`;
  return (
    <svg class="graph" viewBox={`-4 -4 ${graph.width + 8} ${graph.height + 8}`} width={graph.width + 8} role="group" aria-label={summary}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="graph-arrow" />
        </marker>
      </defs>
      {graph.edges.map((edge) => {
        const from = byId.get(edge.from);
        const to = byId.get(edge.to);
        if (!from || !to) return null;
        return <line key={`${edge.from}-${edge.to}`} x1={from.x + NODE.width} y1={from.y + NODE.height / 2} x2={to.x} y2={to.y + NODE.height / 2} class="graph-edge" marker-end="url(#arrow)" />;
      })}
      {graph.nodes.map((node) => {
        const box = (
          <g class={`graph-node${node.current ? ' graph-current' : ''}`}>
            <rect x={node.x} y={node.y} width={NODE.width} height={NODE.height} rx={6} />
            <text x={node.x + 8} y={node.y + 16}>
              {node.label.length > 20 ? `${node.label.slice(0, 19)}…` : node.label}
            </text>
            <text x={node.x + 8} y={node.y + 32} class="graph-status">
              {node.status ?? 'not started'}
            </text>
          </g>
        );
        return node.taskId && !node.current ? (
          <a key={node.id} href={hrefOf({ page: 'task', id: node.taskId })} aria-label={`${node.label}, ${node.status ?? 'not started'}`}>
            {box}
          </a>
        ) : (
          <g key={node.id}>{box}</g>
        );
      })}
    </svg>
  );
}
