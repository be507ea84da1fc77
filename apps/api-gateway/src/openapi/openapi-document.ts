import { z } from 'zod';
import { ProblemSchema, type ApiOperation } from '@ains/contracts';

type JsonSchema = Record<string, unknown>;

/**
 * The gateway's own 403, possible on every operation whatever the service answers: a key with
 * `allowed_cidrs` used from another address. Named in every 403 description, the operation's own included.
 */
const ADDRESS_NOT_ALLOWED = 'Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them.';

const PROBLEM_RESPONSES = {
  BadRequest: { status: 400, description: 'Invalid input (a malformed body counts, as does text holding a NUL character or an unpaired UTF-16 surrogate); `errors` names every failing field.', example: { type: 'https://ains.dev/problems/validation-error', title: 'Invalid request', status: 400, detail: 'The request has 1 invalid field.', errors: [{ field: 'display_name', message: 'Too small: expected string to have >=1 characters' }] } },
  Unauthenticated: { status: 401, description: 'No API key, or one that is malformed, unknown, expired or revoked (the answer does not say which).', example: { type: 'https://ains.dev/problems/unauthenticated', title: 'Unauthenticated', status: 401, detail: 'A valid API key is required.' } },
  Forbidden: { status: 403, description: `The key lacks the scope this operation needs, or an agent key names another agent. ${ADDRESS_NOT_ALLOWED}`, example: { type: 'https://ains.dev/problems/forbidden', title: 'Forbidden', status: 403, detail: 'This API key lacks the scope this operation needs (one of: tasks:write).' } },
  NotFound: { status: 404, description: 'No such resource for this client (other tenants\' ids are not found either).', example: { type: 'https://ains.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Agent 5f0c6f9e-8a5b-4a55-9f4e-2b1d6a3c9e10 was not found.' } },
  PayloadTooLarge: { status: 413, description: 'The body is larger than the gateway accepts (HTTP_BODY_LIMIT_BYTES).', example: { type: 'https://ains.dev/problems/payload-too-large', title: 'Payload too large', status: 413, detail: 'The request body is larger than this server accepts.' } },
  UnsupportedMediaType: { status: 415, description: 'The body is not sent as `application/json`.', example: { type: 'https://ains.dev/problems/unsupported-media-type', title: 'Unsupported media type', status: 415, detail: 'Send the request body as JSON, with the header Content-Type: application/json.' } },
  IdempotencyKeyReused: { status: 422, description: 'The `Idempotency-Key` was used before with a different body.', example: { type: 'https://ains.dev/problems/unprocessable', title: 'Unprocessable request', status: 422, detail: 'This Idempotency-Key was already used with a different request body.' } },
  GatewayTimeout: { status: 504, description: 'The service behind the gateway did not answer in time; see `Retry-After`.', example: { type: 'https://ains.dev/problems/upstream-timeout', title: 'Upstream timeout', status: 504, detail: 'The task service did not answer in time. Try again shortly.' } },
  TooManyRequests: { status: 429, description: 'Rate limit exceeded (or this address is locked out after failed authentications); see `Retry-After`.', example: { type: 'https://ains.dev/problems/rate-limited', title: 'Too many requests', status: 429, detail: 'This API key may make 600 requests per minute.' } },
  ServiceUnavailable: { status: 503, description: 'A service behind the gateway is unavailable or its circuit is open; see `Retry-After`.', example: { type: 'https://ains.dev/problems/upstream-circuit-open', title: 'Service temporarily unavailable', status: 503, detail: 'The task service is failing; requests to it are paused for a moment.' } },
} as const;

type ProblemResponseName = keyof typeof PROBLEM_RESPONSES;

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Zod writes JSON Schema 2020-12, the default dialect of OpenAPI 3.1 schema objects; declaring
  // it again (jsonSchemaDialect) only makes Swagger UI warn about a non-default dialect.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema;
  return generated;
}

function parameters(schema: z.ZodObject | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** Every error answer is a problem document, whatever the operation's own declaration names. */
function problemResponse(status: number, description: string): JsonSchema {
  return {
    description,
    headers: { ...RATE_LIMIT_HEADERS, ...(status === 429 || status >= 503 ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}) },
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/**
 * A stream of server-sent events: OpenAPI 3.1 can only call the body a string, so the JSON Schema
 * of each event's `data` is given as `x-event-data-schema` (the contract check of the end-to-end
 * suite validates every event with it).
 */
function eventStreamContent(schema: z.ZodType): JsonSchema {
  return { 'text/event-stream': { schema: { type: 'string', description: 'Server-sent events (`event:`, `id:`, `data:` lines, a blank line after each); comment lines keep the connection alive.' }, 'x-event-data-schema': jsonSchema(schema, 'output') } };
}

function operationObject(operation: ApiOperation): JsonSchema {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400) {
      responses[status] = problemResponse(Number(status), status === '403' ? `${response.description} ${ADDRESS_NOT_ALLOWED}` : response.description);
      continue;
    }
    responses[status] = {
      description: response.description,
      headers: RATE_LIMIT_HEADERS,
      ...(response.schema ? { content: response.mediaType === 'text/event-stream' ? eventStreamContent(response.schema) : { 'application/json': { schema: jsonSchema(response.schema, 'output') } } } : {}),
    };
  }
  // Any request can be malformed: a body sent where none is read is still parsed.
  const problems: ProblemResponseName[] = ['BadRequest', 'Unauthenticated', 'Forbidden', 'TooManyRequests', 'ServiceUnavailable'];
  if (operation.params) problems.push('NotFound');
  if (operation.body) problems.push('PayloadTooLarge', 'UnsupportedMediaType');
  if (operation.idempotent) problems.push('IdempotencyKeyReused');
  if (operation.upstream !== 'gateway') problems.push('GatewayTimeout');
  for (const name of problems) responses[String(PROBLEM_RESPONSES[name].status)] ??= { $ref: `#/components/responses/${name}` };
  const scopes = operation.scopes.join(', ');
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: `${operation.description ? `${operation.description}\n\n` : ''}Requires one of the scopes: ${scopes} (or \`admin\`).`,
    'x-required-scopes': operation.scopes,
    parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query'), ...(operation.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [])],
    // The gateway reads a missing body as `{}`: a body whose every field is optional may be left out.
    ...(operation.body ? { requestBody: { required: !operation.body.safeParse({}).success, content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } } } } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function components(): JsonSchema {
  const integerHeader = (description: string) => ({ description, schema: { type: 'integer', minimum: 0 } });
  return {
    securitySchemes: {
      ApiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key `ains_<key id>_<secret>`.' },
      BearerAuth: { type: 'http', scheme: 'bearer', description: 'The same API key as a bearer token.' },
    },
    schemas: { Problem: jsonSchema(ProblemSchema, 'output') },
    headers: {
      'RateLimit-Limit': integerHeader('Requests this key may make per minute.'),
      'RateLimit-Remaining': integerHeader('Requests left in the current sliding minute.'),
      'RateLimit-Reset': integerHeader('Seconds until the oldest counted request leaves the window.'),
      'Retry-After': integerHeader('Seconds to wait before retrying.'),
    },
    parameters: {
      IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeating a request with the same key returns the first result instead of acting twice.', schema: { type: 'string', maxLength: 255 } },
    },
    responses: Object.fromEntries(
      Object.entries(PROBLEM_RESPONSES).map(([name, problem]) => [
        name,
        {
          description: problem.description,
          headers: problem.status === 429 || problem.status === 503 || problem.status === 504 ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {},
          content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' }, example: problem.example } },
        },
      ]),
    ),
  };
}

/** The OpenAPI 3.1 document of the public API, generated from the operations in the contracts. */
export function buildOpenApiDocument(operations: readonly ApiOperation[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AINS API',
      version: '1.0.0',
      description: 'Routes tasks from client applications to fleets of software agents. Every endpoint needs an API key (`X-API-Key` or `Authorization: Bearer`); every answer carries the key\'s rate-limit headers; errors are RFC 9457 problem details.',
    },
    // Relative: the document is served by the gateway it describes, wherever that runs.
    servers: [{ url: '/', description: 'The gateway that serves this document' }],
    security: [{ ApiKeyHeader: [] }, { BearerAuth: [] }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: components(),
  };
}
