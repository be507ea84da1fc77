import pino from 'pino';

/**
 * Fields of database errors that carry the values of a statement: TypeORM's `parameters` (a key's
 * salt and hash, a sealed secret, a task's input), and PostgreSQL's `detail` and `where`
 * ("Key (key_hash)=(…) already exists"). Logs keep the statement, the code and the constraint.
 */
const VALUE_FIELDS = new Set(['parameters', 'detail', 'where', 'driverError', 'query_params']);
const MAX_DEPTH = 4;

/** pino's error serializer, minus anything that can hold a statement's values. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return withoutValues(pino.stdSerializers.err(error), 0);
}

function withoutValues(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, depth + 1));
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!VALUE_FIELDS.has(key)) kept[key] = withoutValues(item, depth + 1);
  }
  return kept;
}
