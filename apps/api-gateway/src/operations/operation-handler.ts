import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiOperation, Caller } from '@ains/contracts';

export interface OperationInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface OperationContext {
  operation: ApiOperation;
  caller: Caller;
  /** The client's address (see TRUSTED_PROXIES), for the audit log. */
  ip: string;
  /** Validated with the operation's schemas (defaults applied). */
  input: OperationInput;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Serves one operation for an authenticated, authorised, validated request; returns the payload or the sent reply. */
export type OperationHandler = (context: OperationContext) => Promise<unknown>;

/** Handlers the gateway serves itself (its own resources) or composes (fan-out), by operationId. */
export interface OperationHandlerSet {
  handlers(): Record<string, OperationHandler>;
}
