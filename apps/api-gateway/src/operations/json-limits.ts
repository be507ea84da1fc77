import type { FieldError } from '@ains/platform';

export interface JsonLimits {
  maxDepth: number;
  maxStringLength: number;
}

/**
 * Finds the first place where a parsed JSON body is nested deeper or holds a longer string (key
 * or value) than allowed. Bounds what every service behind the gateway has to handle, whatever
 * its own schema says. Iterative, so a hostile nesting depth cannot exhaust the stack.
 */
export function findJsonLimitViolation(body: unknown, limits: JsonLimits): FieldError | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as (typeof pending)[number];
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) return { field: path || '(body)', message: `is longer than ${limits.maxStringLength} characters` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) return { field: path || '(body)', message: `nests deeper than ${limits.maxDepth} levels` };
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.length > limits.maxStringLength) return { field: path || '(body)', message: `has a field name longer than ${limits.maxStringLength} characters` };
      pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}
