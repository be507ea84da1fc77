import type { FieldError } from './problem';

/**
 * NUL and unpaired UTF-16 surrogates are valid in JSON but not in PostgreSQL text or jsonb, and
 * no client needs them. The policy is to refuse them at the edge, naming the field, so no service
 * ever has to store or fail on them.
 */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'contains a NUL character or an unpaired UTF-16 surrogate, which are not accepted';

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/**
 * Finds the first string (key or value) in a parsed JSON value that holds unsafe text. Iterative,
 * so a hostile nesting depth cannot exhaust the stack. `root` names the value itself in the answer.
 */
export function findUnsafeText(value: unknown, root = '(body)'): FieldError | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0) {
    const next = pending.pop() as (typeof pending)[number];
    if (typeof next.value === 'string') {
      if (isUnsafeText(next.value)) return { field: next.path || root, message: UNSAFE_TEXT_MESSAGE };
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    if (Array.isArray(next.value)) {
      next.value.forEach((item, index) => pending.push({ value: item, path: `${next.path}[${index}]` }));
      continue;
    }
    for (const [key, item] of Object.entries(next.value)) {
      const path = next.path ? `${next.path}.${key}` : key;
      if (isUnsafeText(key)) return { field: next.path || root, message: `has a field name that ${UNSAFE_TEXT_MESSAGE}` };
      pending.push({ value: item, path });
    }
  }
  return undefined;
}
