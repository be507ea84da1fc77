/**
 * Seeded value generation from the JSON Schemas of docs/openapi.json, for the property-based fuzz
 * spec: values that satisfy a schema, values on its boundaries, and hostile ones (NUL, unpaired
 * surrogates, huge and deeply nested values, wrong types, unknown fields, bad ids). Deterministic
 * for a seed, so a failure is reproduced by running again with the seed it prints.
 */
export type Kind = 'valid' | 'boundary' | 'hostile';
type Schema = Record<string, unknown>;

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and good enough to spread cases; not for secrets. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (probability) => next() < probability,
  };
}

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFF',
  '😀'.repeat(50),
  'x'.repeat(70_000),
  '<script>alert(1)</script>',
  "'; DROP TABLE tasks; --",
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '%00',
  '\u202E\uFEFF',
];

const HOSTILE_VALUES: readonly unknown[] = [null, true, -1, 0, 1.5, 1e308, -1e308, 'true', [], {}, [[[[[]]]]]];

export const BAD_IDS: readonly string[] = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '%00', '%F0%9F%98%80', "'%20OR%201=1", 'a'.repeat(100), '..%2F..', '%E0%A4%A', '-1'];

function uuid(random: Random): string {
  const hex = () => random.int(0, 15).toString(16);
  const block = (length: number) => Array.from({ length }, hex).join('');
  return `${block(8)}-${block(4)}-4${block(3)}-${random.pick(['8', '9', 'a', 'b'])}${block(3)}-${block(12)}`;
}

export { uuid as randomUuid };

function text(random: Random, min: number, max: number): string {
  const length = random.int(min, Math.max(min, Math.min(max, min + 16)));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789._-';
  return Array.from({ length }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');
}

function formatted(format: string, random: Random): string | undefined {
  switch (format) {
    case 'uuid':
      return uuid(random);
    case 'date-time':
      return new Date(Date.UTC(2026, random.int(0, 11), random.int(1, 28), random.int(0, 23))).toISOString();
    case 'uri':
      // Loopback and a closed port: a webhook made by the fuzz can never deliver anywhere.
      return 'http://127.0.0.1:9/fuzz';
    case 'email':
      return 'fuzz@example.com';
    default:
      return undefined;
  }
}

/** A value for `schema`; `kind` says whether it should satisfy it, sit on its edges, or attack it. */
export function valueFor(schema: Schema | undefined, kind: Kind, random: Random, depth = 0): unknown {
  if (!schema) return undefined;
  // Hostile cases keep most of the value sane, so the attack reaches past the first check.
  if (kind === 'hostile' && random.chance(0.3)) return random.chance(0.5) ? random.pick(HOSTILE_STRINGS) : random.pick(HOSTILE_VALUES);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) return valueFor({ ...schema, anyOf: undefined, oneOf: undefined, ...random.pick(variants) }, kind, random, depth);
  if (Array.isArray(schema.enum)) return random.pick(schema.enum);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.examples) && kind === 'valid' && random.chance(0.5)) return random.pick(schema.examples);
  const type = Array.isArray(schema.type) ? random.pick((schema.type as string[]).filter((t) => t !== 'null')) : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, kind, random);
    case 'integer':
    case 'number':
      return numberFor(schema, type, kind, random);
    case 'boolean':
      return random.chance(0.5);
    case 'array':
      return arrayFor(schema, kind, random, depth);
    case 'object':
      return objectFor(schema, kind, random, depth);
    case 'null':
      return null;
    default:
      return depth > 2 ? 'x' : { note: text(random, 1, 8) };
  }
}

function stringFor(schema: Schema, kind: Kind, random: Random): string {
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? 64);
  const format = typeof schema.format === 'string' ? formatted(schema.format, random) : undefined;
  if (format && kind !== 'boundary') return format;
  if (kind === 'boundary') return random.pick([text(random, min, min), 'x'.repeat(Math.min(max, 70_000)), 'x'.repeat(Math.min(max + 1, 70_001))]);
  if (kind === 'hostile') return random.pick(HOSTILE_STRINGS);
  if (typeof schema.pattern === 'string') return format ?? text(random, Math.max(min, 1), max);
  return text(random, Math.max(min, 1), max);
}

function numberFor(schema: Schema, type: string, kind: Kind, random: Random): number {
  const min = Number(schema.minimum ?? schema.exclusiveMinimum ?? 0);
  const max = Number(schema.maximum ?? schema.exclusiveMaximum ?? min + 100);
  if (kind === 'boundary') return random.pick([min, max, min - 1, max + 1, Number.MAX_SAFE_INTEGER]);
  if (kind === 'hostile') return random.pick([1e308, -1e308, 0.5, -0, 2 ** 53 + 1]);
  const value = min + random.next() * Math.min(max - min, 1_000);
  return type === 'integer' ? Math.round(value) : Math.round(value * 100) / 100;
}

function arrayFor(schema: Schema, kind: Kind, random: Random, depth: number): unknown[] {
  const items = schema.items as Schema | undefined;
  const min = Number(schema.minItems ?? 0);
  const max = Number(schema.maxItems ?? 5);
  const count = kind === 'boundary' ? random.pick([min, Math.min(max + 1, 1_001)]) : random.int(min, Math.min(max, min + 2));
  return Array.from({ length: count }, () => valueFor(items, kind === 'boundary' ? 'valid' : kind, random, depth + 1));
}

function objectFor(schema: Schema, kind: Kind, random: Random, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (required.has(name) || random.chance(0.5)) result[name] = valueFor(property, kind, random, depth + 1);
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === 'object' && depth < 3) {
    for (let index = random.int(0, 2); index > 0; index -= 1) result[text(random, 1, 12)] = valueFor(additional as Schema, kind, random, depth + 1);
  }
  if (kind === 'hostile') {
    if (random.chance(0.3)) result[random.pick(['is_admin', 'client_id', '__proto__', 'constructor', '\u0000key', 'x'.repeat(300)])] = true;
    if (random.chance(0.2)) result[text(random, 1, 8)] = deeplyNested(random.pick([40, 200, 2_000]));
  }
  return result;
}

function deeplyNested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level += 1) value = { n: value };
  return value;
}
