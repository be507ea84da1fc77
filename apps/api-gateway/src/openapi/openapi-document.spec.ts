import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { API_OPERATIONS, type ApiOperation } from '@ains/contracts';
import { documentedOperations } from './documented-operations';
import { buildOpenApiDocument } from './openapi-document';

interface OperationObject {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
  'x-required-scopes': string[];
}

type Document = { paths: Record<string, Record<string, OperationObject>>; components: Record<string, Record<string, unknown>>; security: unknown[] };

const sample: ApiOperation = {
  operationId: 'rotateThing',
  method: 'POST',
  path: '/v1/things/{id}/rotate',
  upstream: 'task',
  scopes: ['tasks:write'],
  tag: 'Things',
  summary: 'Rotate a thing',
  params: z.strictObject({ id: z.uuid() }),
  query: z.strictObject({ dry_run: z.coerce.boolean().optional(), limit: z.coerce.number().int().default(5) }),
  body: z.strictObject({ reason: z.string().max(10) }).meta({ examples: [{ reason: 'because' }] }),
  idempotent: true,
  responses: { 200: { description: 'Rotated.', schema: z.object({ id: z.uuid() }) } },
};

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument([sample]) as unknown as Document;
  const operation = document.paths['/v1/things/{id}/rotate'].post;

  it('describes parameters, the body with its examples and the response from the zod schemas', () => {
    expect(operation.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'dry_run', in: 'query', required: false }),
      expect.objectContaining({ name: 'limit', in: 'query', required: false }),
      { $ref: '#/components/parameters/IdempotencyKey' },
    ]);
    expect(operation.requestBody?.content['application/json'].schema).toMatchObject({ additionalProperties: false, required: ['reason'], examples: [{ reason: 'because' }] });
    expect(operation.responses['200']).toMatchObject({ headers: { 'RateLimit-Limit': expect.any(Object), 'RateLimit-Remaining': expect.any(Object), 'RateLimit-Reset': expect.any(Object) } });
  });

  it('requires a body only when an empty one would be refused', () => {
    const optional = { ...sample, operationId: 'nudgeThing', path: '/v1/things/{id}/nudge', body: z.strictObject({ reason: z.string().optional(), times: z.int().default(1) }) };
    const both = buildOpenApiDocument([sample, optional]) as unknown as Document;
    expect(both.paths['/v1/things/{id}/rotate'].post.requestBody?.required).toBe(true);
    expect(both.paths['/v1/things/{id}/nudge'].post.requestBody?.required).toBe(false);
  });

  it('declares the security schemes, the scopes and the problem responses', () => {
    expect(document.security).toEqual([{ ApiKeyHeader: [] }, { BearerAuth: [] }]);
    expect(Object.keys(document.components.securitySchemes)).toEqual(['ApiKeyHeader', 'BearerAuth']);
    expect(operation['x-required-scopes']).toEqual(['tasks:write']);
    for (const status of ['400', '401', '403', '404', '429', '503']) expect(operation.responses[status].$ref).toMatch(/^#\/components\/responses\//);
    expect(document.components.responses.TooManyRequests).toMatchObject({ headers: { 'Retry-After': expect.any(Object) }, content: { 'application/problem+json': expect.any(Object) } });
  });

  it('describes every error answer as a problem document, and names the servers', () => {
    const full = buildOpenApiDocument(API_OPERATIONS) as unknown as Document & { servers?: unknown[]; jsonSchemaDialect?: string };
    const errors = Object.values(full.paths).flatMap((item) => Object.values(item).flatMap((op) => Object.entries(op.responses).filter(([status]) => Number(status) >= 400).map(([, response]) => response)));
    expect(errors.length).toBeGreaterThan(100);
    for (const response of errors) {
      if (response.$ref) continue;
      expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
    expect(full.servers).toHaveLength(1);
    // The default dialect of OpenAPI 3.1; naming it makes Swagger UI warn.
    expect(full.jsonSchemaDialect).toBeUndefined();
  });

  it('documents the gateway\'s address-not-allowed 403 as a problem on every operation, the operation\'s own 403 included', () => {
    const full = buildOpenApiDocument(API_OPERATIONS) as unknown as Document & { components: { responses: Record<string, { description: string; content?: Record<string, unknown> }> } };
    const operations = Object.values(full.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBe(API_OPERATIONS.length);
    for (const op of operations) {
      const declared = op.responses['403'] as { $ref?: string; description?: string; content?: Record<string, unknown> };
      const response = declared.$ref ? full.components.responses[declared.$ref.split('/').pop() as string] : declared;
      expect(response.description).toContain('address-not-allowed');
      expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
  });

  it('documents every public operation in the contracts', () => {
    const full = buildOpenApiDocument(API_OPERATIONS) as unknown as Document;
    const documented = Object.values(full.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(documented.sort()).toEqual(API_OPERATIONS.map((op) => op.operationId).sort());
  });

  it('matches the committed docs/openapi.json (regenerate with `node tools/openapi/generate.mjs`)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8'));
    expect(committed).toEqual(buildOpenApiDocument(documentedOperations()));
  });
});

describe('documentedOperations', () => {
  it('documents the agent key that registration returns', () => {
    const register = documentedOperations().find((op) => op.operationId === 'registerAgent');
    const schema = z.toJSONSchema(register!.responses[201].schema!) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.properties.api_key).toMatchObject({ type: 'string' });
    expect(schema.required).toContain('api_key');
  });
});
