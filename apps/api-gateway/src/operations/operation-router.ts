import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { Logger } from 'pino';
import { API_OPERATIONS, type ApiOperation } from '@ains/contracts';
import { APP_CONFIG, LOGGER, ProblemException } from '@ains/platform';
import { ApiKeyHandlers } from '../api-keys/api-key-handlers';
import { AuditHandlers } from '../audit/audit-handlers';
import { Authenticator } from '../auth/authenticator';
import { clientAddress, parseTrustedProxies } from '../auth/client-address';
import { authorize } from '../auth/scope-policy';
import { rateLimitDetail, rateLimitHeaders } from '../rate-limit/rate-limit-decision';
import { RateLimiter } from '../rate-limit/rate-limiter';
import type { GatewaySettings } from '../gateway-settings';
import { UpstreamClient } from '../upstream/upstream.client';
import { AgentHandlers } from './agent-handlers';
import { findJsonLimitViolation, type JsonLimits } from './json-limits';
import type { OperationHandler } from './operation-handler';
import { ReferenceHandlers } from './reference-handlers';
import { sendProblem } from './send-problem';
import { validateInput } from './validate-input';

const API_METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `/v1/agents/{id}` → `/v1/agents/:id` */
export const toFastifyPath = (path: string): string => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

/**
 * Registers one route per public operation in the contracts, whoever declared it: authenticate,
 * rate-limit, authorise, check JSON limits, validate, then serve. Operations of the services are
 * forwarded unless a handler set claims them (fan-out); the gateway's own must have a handler.
 */
@Injectable()
export class OperationRouter implements OnModuleInit {
  private readonly special: Record<string, OperationHandler>;
  private readonly jsonLimits: JsonLimits;
  private readonly trustedProxies: ReturnType<typeof parseTrustedProxies>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: Authenticator,
    private readonly rateLimiter: RateLimiter,
    private readonly upstream: UpstreamClient,
    apiKeys: ApiKeyHandlers,
    audit: AuditHandlers,
    agents: AgentHandlers,
    references: ReferenceHandlers,
    @Inject(APP_CONFIG) config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.special = { ...apiKeys.handlers(), ...audit.handlers(), ...agents.handlers(), ...references.handlers() };
    this.jsonLimits = { maxDepth: config.MAX_JSON_DEPTH, maxStringLength: config.MAX_JSON_STRING_LENGTH };
    this.trustedProxies = parseTrustedProxies(config.TRUSTED_PROXIES);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const operation of API_OPERATIONS) this.register(fastify, operation);
    this.registerWrongMethods(fastify);
  }

  /** A known path asked with a method it does not serve gets 405 naming the methods it does. */
  private registerWrongMethods(fastify: FastifyInstance): void {
    const methodsByPath = new Map<string, string[]>();
    for (const { path, method } of API_OPERATIONS) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method]);
    for (const [path, methods] of methodsByPath) {
      const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
      const others = API_METHODS.filter((method) => !methods.includes(method));
      if (others.length === 0) continue;
      fastify.route({
        method: others,
        url: toFastifyPath(path),
        errorHandler: sendProblem(this.logger),
        handler: () => {
          throw new ProblemException({ status: 405, type: 'method-not-allowed', title: 'Method not allowed', detail: `${path} answers ${allow.join(', ')}.`, headers: { allow: allow.join(', ') } });
        },
      });
    }
  }

  private register(fastify: FastifyInstance, operation: ApiOperation): void {
    const serve = this.handlerFor(operation);
    fastify.route({
      method: operation.method as HTTPMethods,
      url: toFastifyPath(operation.path),
      errorHandler: sendProblem(this.logger),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const ip = clientAddress(request.ip, request.headers['x-forwarded-for'], this.trustedProxies);
        const { principal, metered: decision } = await this.authenticator.authenticate(request.headers, ip, (authenticated) => this.rateLimiter.consume(authenticated, operation));
        void reply.headers(rateLimitHeaders(decision));
        if (!decision.admitted) throw new ProblemException({ status: 429, type: 'rate-limited', title: 'Too many requests', detail: rateLimitDetail(decision) });
        const params = (request.params ?? {}) as Record<string, unknown>;
        const authorization = authorize(principal.caller, operation, params);
        if (!authorization.allowed) throw new ProblemException({ status: 403, type: 'forbidden', title: 'Forbidden', detail: authorization.reason });
        const violation = findJsonLimitViolation(request.body, this.jsonLimits);
        if (violation) throw ProblemException.badRequest('The request body exceeds the JSON limits.', [violation]);
        const input = validateInput(operation, { params, query: request.query, body: request.body });
        return serve({ operation, caller: principal.caller, ip, input, request, reply });
      },
    });
  }

  private handlerFor(operation: ApiOperation): OperationHandler {
    const special = this.special[operation.operationId];
    if (special) return special;
    const upstream = operation.upstream;
    if (upstream === 'gateway') throw new Error(`operation ${operation.operationId} is served by the gateway but has no handler`);
    if (Object.values(operation.responses).some((response) => response.mediaType === 'text/event-stream')) {
      return ({ caller, request, reply }) => this.upstream.stream(reply, upstream, { method: operation.method, path: request.url, caller });
    }
    return ({ caller, request, reply }) => {
      const idempotencyKey = operation.idempotent ? request.headers['idempotency-key'] : undefined;
      return this.upstream.forward(reply, upstream, {
        method: operation.method,
        path: request.url,
        caller,
        body: request.body,
        idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
      });
    };
  }
}
