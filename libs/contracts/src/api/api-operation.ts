import type { z } from 'zod';
import type { Scope } from '../auth/scopes';

/** The services behind the gateway. */
export const UPSTREAMS = ['task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'] as const;
export type Upstream = (typeof UPSTREAMS)[number];
/** Where an operation is served: a service behind the gateway, or the gateway itself (API keys, audit log). */
export type OperationTarget = Upstream | 'gateway';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiResponse {
  description: string;
  /** The body's JSON; for an event stream, the JSON of each event's `data`. */
  schema?: z.ZodType;
  /** `text/event-stream`: the answer is a stream of server-sent events, not one JSON body. */
  mediaType?: 'text/event-stream';
}

/**
 * One public endpoint. The gateway registers a route for each operation: it authenticates, checks
 * the scopes, validates params, query and body with these schemas, then forwards to `upstream`;
 * the OpenAPI document is generated from the same declarations. Services validate with the same
 * schemas, so the contract is written once.
 */
export interface ApiOperation {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path, e.g. `/v1/agents/{id}`. */
  path: string;
  upstream: OperationTarget;
  /** Any one of these scopes grants access (`admin` always does). */
  scopes: readonly Scope[];
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Accepts an `Idempotency-Key` header. */
  idempotent?: boolean;
  responses: Record<number, ApiResponse>;
}
