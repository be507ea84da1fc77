import { openApiDocument } from './support/contract';
import { BAD_IDS, randomUuid, seededRandom, valueFor, type Kind, type Random } from './support/fuzz-values';
import { e2eEnv, gatewayUrl } from './support/stack-env';

/**
 * Property-based fuzzing of the whole public API through the gateway of the running platform:
 * every operation of docs/openapi.json, with valid, boundary and hostile path parameters, queries
 * and bodies. Whatever is sent, the answer must come within a few seconds, never be a 5xx, and be
 * application/problem+json whenever it is an error. The seed is fixed (FUZZ_SEED overrides it, and
 * FUZZ_CASES the cases per operation), so a failure is reproduced exactly.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const CASES_PER_OPERATION = Number(process.env.FUZZ_CASES ?? 9);
const ANSWER_WITHIN_MS = 5_000;

type Schema = Record<string, unknown>;

interface Operation {
  id: string;
  method: string;
  template: string;
  collection: string;
  parameters: { name: string; in: string; schema: Schema }[];
  body?: Schema;
}

interface Failure {
  operation: string;
  request: string;
  outcome: string;
}

const operations: Operation[] = Object.entries(openApiDocument.paths).flatMap(([template, item]) =>
  Object.entries(item).map(([method, raw]) => {
    const operation = raw as { operationId: string; parameters?: { name: string; in: string; schema: Schema; $ref?: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } };
    return {
      id: operation.operationId,
      method: method.toUpperCase(),
      template,
      collection: template.split('/{')[0] ?? template,
      parameters: (operation.parameters ?? []).filter((parameter) => !parameter.$ref),
      body: operation.requestBody?.content['application/json']?.schema,
    };
  }),
);

/** Ids of what the fuzz created, per collection, so later cases reach real resources too. */
const created = new Map<string, string[]>();

function pathFor(operation: Operation, kind: Kind, random: Random): string {
  return operation.template.replace(/\{([^}]+)\}/g, () => {
    if (kind === 'hostile') return random.pick(BAD_IDS);
    const known = created.get(operation.collection) ?? [];
    return known.length > 0 && random.chance(0.7) ? random.pick(known) : randomUuid(random);
  });
}

function queryFor(operation: Operation, kind: Kind, random: Random): string {
  const query = new URLSearchParams();
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    if (!random.chance(0.5)) continue;
    const value = valueFor(parameter.schema, kind, random);
    if (value !== undefined) query.set(parameter.name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  if (kind === 'hostile' && random.chance(0.3)) query.set(random.pick(['unknown', 'limit', 'cursor']), random.pick(['\u0000', '\uD800', '-1', 'x'.repeat(5_000)]));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A JSON text, or for some hostile cases something that is not quite JSON. */
function bodyFor(operation: Operation, kind: Kind, random: Random): string | undefined {
  // fetch sends no body with GET (nor would a proxy pass one on).
  if (operation.method === 'GET') return undefined;
  if (kind === 'hostile' && random.chance(0.25)) {
    return random.pick(['{"a":', '[]', 'null', '"text"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":"\\ud800"}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`]);
  }
  if (!operation.body) return kind === 'valid' ? undefined : JSON.stringify(valueFor({ type: 'object', additionalProperties: { type: 'string' } }, kind, random));
  const value = valueFor(operation.body, kind, random) as { wait_ms?: unknown } | undefined;
  // A claim waits as long as it asks to when there is no work: keep valid waits short for the budget.
  if (typeof value?.wait_ms === 'number' && value.wait_ms >= 0 && value.wait_ms <= 30_000) value.wait_ms = Math.min(value.wait_ms, 1_000);
  return value === undefined ? undefined : JSON.stringify(value);
}

function remember(operation: Operation, status: number, body: unknown): void {
  if (status !== 201 || operation.method !== 'POST' || operation.template !== operation.collection) return;
  const ids = [body as { id?: unknown }, ...(((body as { data?: unknown[] }).data ?? []) as { id?: unknown }[])].map((item) => item?.id).filter((id): id is string => typeof id === 'string');
  created.set(operation.collection, [...(created.get(operation.collection) ?? []), ...ids]);
}

/** Answers per status class: the fuzz is worth little unless valid cases get through. */
const statusClasses = new Map<string, number>();

async function exercise(operation: Operation, kind: Kind, random: Random): Promise<Failure | undefined> {
  const path = `${pathFor(operation, kind, random)}${queryFor(operation, kind, random)}`;
  const body = bodyFor(operation, kind, random);
  // Claims are long polls: they may hold the answer as long as they asked to wait (at most 30 s; a longer wait is refused at once).
  const waitMs = body?.includes('"wait_ms"') ? Math.min(Number(/"wait_ms":(\d+)/.exec(body)?.[1] ?? 0), 30_000) : 0;
  const request = `${operation.method} ${path.slice(0, 200)} ${body ? body.slice(0, 300) : '(no body)'}`;
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}${path}`, {
      method: operation.method,
      headers: { 'x-api-key': e2eEnv.BOOTSTRAP_ADMIN_API_KEY, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body,
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS + waitMs + 5_000),
    });
  } catch (error) {
    return { operation: operation.id, request, outcome: `no answer: ${(error as Error).message}` };
  }
  const text = await response.text();
  const elapsed = Date.now() - started;
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  remember(operation, response.status, parsed);
  const statusClass = `${String(response.status).charAt(0)}xx`;
  statusClasses.set(statusClass, (statusClasses.get(statusClass) ?? 0) + 1);
  const outcome = `${response.status} ${contentType} after ${elapsed} ms: ${text.slice(0, 300)}`;
  if (response.status >= 500) return { operation: operation.id, request, outcome };
  if (response.status >= 400 && (!contentType.startsWith('application/problem+json') || (parsed as { status?: unknown } | undefined)?.status !== response.status)) return { operation: operation.id, request, outcome };
  if (elapsed > ANSWER_WITHIN_MS + waitMs) return { operation: operation.id, request, outcome };
  return undefined;
}

/** Undoes what valid cases created: tasks and chains are cancelled, everything else deleted. */
async function cleanUp(): Promise<void> {
  const send = (method: string, path: string, body?: string) =>
    fetch(`${gatewayUrl}${path}`, { method, headers: { 'x-api-key': e2eEnv.BOOTSTRAP_ADMIN_API_KEY, ...(body ? { 'content-type': 'application/json' } : {}) }, body }).then((response) => response.text());
  for (const [collection, ids] of created) {
    for (const id of ids) {
      if (collection === '/v1/tasks' || collection === '/v1/task-chains') await send('POST', `${collection}/${id}/cancel`, '{}');
      else await send('DELETE', `${collection}/${id}`);
    }
  }
}

describe(`the public API under fuzzing (seed ${SEED}, ${CASES_PER_OPERATION} cases per operation)`, () => {
  afterAll(cleanUp);

  it('answers every generated request quickly, without a 5xx, and every error as problem+json', async () => {
    const random = seededRandom(SEED);
    const kinds: Kind[] = ['valid', 'boundary', 'hostile'];
    // Operations that create come first, so later cases also act on resources that exist.
    const ordered = [...operations].sort((a, b) => Number(b.template === b.collection && b.method === 'POST') - Number(a.template === a.collection && a.method === 'POST'));
    const failures: Failure[] = [];
    for (let round = 0; round < CASES_PER_OPERATION; round += 1) {
      for (const operation of ordered) {
        const failure = await exercise(operation, kinds[(round + operation.id.length) % kinds.length] as Kind, random);
        if (failure) failures.push(failure);
      }
    }
    const summary = JSON.stringify(Object.fromEntries(statusClasses));
    if ((statusClasses.get('2xx') ?? 0) < operations.length / 2) throw new Error(`too few generated requests got through validation to exercise the services: ${summary}`);
    if (failures.length > 0) {
      throw new Error(`${failures.length} fuzz case(s) failed; reproduce with FUZZ_SEED=${SEED} FUZZ_CASES=${CASES_PER_OPERATION}:\n${failures.slice(0, 15).map((f) => `- ${f.operation}: ${f.request}\n    → ${f.outcome}`).join('\n')}`);
    }
  }, 600_000);
});
