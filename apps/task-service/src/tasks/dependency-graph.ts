/**
 * Dependency graph rules: cycle detection and priority inheritance. A node is a task (or a batch
 * item) with the ids it depends on; ids outside the given nodes are treated as leaves.
 */
export interface DependencyNode {
  id: string;
  dependsOn: readonly string[];
}

/** A cycle as the path that closes it, e.g. `[a, b, c, a]` for a→b→c→a; null when there is none. */
export function findCycle(nodes: readonly DependencyNode[]): string[] | null {
  const edges = new Map(nodes.map((node) => [node.id, node.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];

  const visit = (id: string): string[] | null => {
    const seen = state.get(id);
    if (seen === 'done') return null;
    if (seen === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };

  for (const node of nodes) {
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return null;
}

export interface PriorityNode extends DependencyNode {
  /** The lowest effective priority the node may have: its own priority, or what it already inherited. */
  floor: number;
}

/**
 * Priority inheritance (seed): a task that others wait on runs at least at the highest effective
 * priority of the tasks that depend on it, transitively. Returns every node's effective priority.
 * The graph must be acyclic (creation guarantees it).
 */
export function effectivePriorities(nodes: readonly PriorityNode[]): Map<string, number> {
  const floors = new Map(nodes.map((node) => [node.id, node.floor]));
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    for (const dependency of node.dependsOn) {
      if (!floors.has(dependency)) continue;
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), node.id]);
    }
  }
  const result = new Map<string, number>();
  const resolve = (id: string): number => {
    const known = result.get(id);
    if (known !== undefined) return known;
    const inherited = (dependents.get(id) ?? []).map(resolve);
    const priority = Math.max(floors.get(id) ?? 1, ...inherited);
    result.set(id, priority);
    return priority;
  };
  for (const node of nodes) resolve(node.id);
  return result;
}
