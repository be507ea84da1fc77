import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The published contract, docs/openapi.json, checked against live answers: every response the
 * suite receives for a documented operation must have a documented status, exactly the documented
 * media type, a body exactly when one is documented, and a body valid under its JSON Schema
 * (2020-12, the dialect of OpenAPI 3.1). Validated by Ajv, independently of the zod schemas the
 * document is generated from.
 */
type JsonObject = Record<string, unknown>;

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: JsonObject }>;
}

interface Operation {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, ResponseObject>;
}

const DOCUMENT_ID = 'https://ains.dev/openapi.json';
export const openApiDocument = JSON.parse(readFileSync(resolve(__dirname, '../../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, JsonObject>>;
  components: { responses: Record<string, ResponseObject> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The whole document is one schema resource, so `#/components/...` references resolve inside it.
ajv.addSchema({ ...openApiDocument, $id: DOCUMENT_ID } as JsonObject);

const operations: Operation[] = Object.entries(openApiDocument.paths).flatMap(([template, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    id: String(operation.operationId),
    method: method.toUpperCase(),
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    responses: operation.responses as Record<string, ResponseObject>,
  })),
);

const validators = new Map<string, ValidateFunction>();

/** The documented operation a request reached; static paths win over templated ones. */
export function findOperation(method: string, path: string): Operation | undefined {
  const candidates = operations.filter((operation) => operation.method === method && operation.pattern.test(path));
  return candidates.sort((a, b) => templatedSegments(a.template) - templatedSegments(b.template))[0];
}

const templatedSegments = (template: string) => (template.match(/\{/g) ?? []).length;

/** What is wrong with an answer under the contract; empty when it conforms or the route is not documented. */
export function contractViolations(method: string, path: string, status: number, contentType: string | null, text: string): string[] {
  const operation = findOperation(method, path.split('?')[0] ?? path);
  if (!operation) return [];
  const declared = operation.responses[String(status)];
  if (!declared) return [`${operation.id}: status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`];
  const response = declared.$ref ? openApiDocument.components.responses[declared.$ref.split('/').pop() as string] : declared;
  const mediaTypes = Object.keys(response?.content ?? {});
  if (mediaTypes.length === 0) {
    return text === '' ? [] : [`${operation.id} ${status}: a body was sent where none is documented`];
  }
  if (text === '') return [`${operation.id} ${status}: no body was sent where ${mediaTypes.join(', ')} is documented`];
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (!mediaTypes.includes(mediaType)) return [`${operation.id} ${status}: media type ${mediaType || '(none)'} is not the documented ${mediaTypes.join(', ')}`];
  if (mediaType === 'text/event-stream') return eventStreamViolations(operation, status, declared, text);
  const validate = validatorFor(operation, status, declared, mediaType);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${operation.id} ${status}: the body is not JSON`];
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, 5).map((error) => `${operation.id} ${status}: body${error.instancePath} ${error.message ?? 'is invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
}

/**
 * A stream of server-sent events (the text read so far): every complete event's `data` must be
 * JSON valid under the media type's `x-event-data-schema`; comments and a partial last event are
 * not checked.
 */
function eventStreamViolations(operation: Operation, status: number, declared: ResponseObject, text: string): string[] {
  const validate = validatorFor(operation, status, declared, 'text/event-stream', 'x-event-data-schema');
  const blocks = text.split(/\r?\n\r?\n/).slice(0, -1);
  return blocks.flatMap((block, index) => {
    const data = block.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(line[5] === ' ' ? 6 : 5));
    if (data.length === 0) return [];
    let body: unknown;
    try {
      body = JSON.parse(data.join('\n'));
    } catch {
      return [`${operation.id} ${status}: event ${index} carries data that is not JSON`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((error) => `${operation.id} ${status}: event ${index} data${error.instancePath} ${error.message ?? 'is invalid'}`);
  });
}

function validatorFor(operation: Operation, status: number, declared: ResponseObject, mediaType: string, member = 'schema'): ValidateFunction {
  const pointer = declared.$ref
    ? `${declared.$ref}/content/${escape(mediaType)}/${member}`
    : `#/paths/${escape(operation.template)}/${operation.method.toLowerCase()}/responses/${status}/content/${escape(mediaType)}/${member}`;
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
    if (!validate) throw new Error(`contract: no schema at ${pointer} of docs/openapi.json`);
    validators.set(pointer, validate);
  }
  return validate;
}

/** JSON Pointer escaping, then URI escaping for the fragment. */
const escape = (token: string) => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
