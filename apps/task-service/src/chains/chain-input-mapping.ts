import type { ChainInputMapping } from '@ains/contracts';

/**
 * Builds a chain step's input: its static input, with each mapping's `source`
 * (`steps.<n>.result.<path>`, read from earlier steps' results) written at `target` (a dotted
 * path, creating objects on the way). A source that is missing (the step failed under the
 * `continue` policy, or its result lacks the path) maps to null, so the step still sees the key.
 */
export function buildStepInput(staticInput: Record<string, unknown>, mappings: readonly ChainInputMapping[], results: readonly (Record<string, unknown> | null)[]): Record<string, unknown> {
  const input = structuredClone(staticInput);
  for (const mapping of mappings) {
    const [, index, , ...path] = mapping.source.split('.');
    const value = readPath(results[Number(index)] ?? null, path);
    writePath(input, mapping.target.split('.'), value === undefined ? null : structuredClone(value));
  }
  return input;
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function writePath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[path[path.length - 1]] = value;
}
