import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { InternalHeaders, UPSTREAMS, type Caller, type Upstream } from '@ains/contracts';
import { APP_CONFIG, ProblemException, RequestContextStore, activeTraceparent, childTraceparent, signCaller } from '@ains/platform';
import type { GatewaySettings } from '../gateway-settings';
import { CircuitBreaker } from './circuit-breaker';

export interface UpstreamRequest {
  method: Dispatcher.HttpMethod;
  /** Path with query string, exactly as the service will see it (the caller signature covers it). */
  path: string;
  caller: Caller;
  body?: unknown;
  /** The client's Idempotency-Key, passed on for operations that honour it. */
  idempotencyKey?: string;
}

export interface UpstreamJson<T = unknown> {
  status: number;
  body: T;
}

/** Headers of a service's answer that the client should see; hop-by-hop ones stay behind. */
const RELAYED_HEADERS = ['content-type', 'content-length', 'location', 'retry-after', 'etag', 'cache-control', 'link', 'idempotency-replayed'];
/** Answers that say the service itself is in trouble, as opposed to the request being wrong. */
const UNHEALTHY_STATUSES = new Set([502, 503, 504]);
const RETRY_AFTER_SECONDS = 5;

/**
 * Keep-alive pools to every service, each with its own timeout and circuit breaker. Every request
 * carries the caller signed with the internal secret (bound to method and path), the request id
 * and the trace context.
 */
@Injectable()
export class UpstreamClient implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly pools = new Map<Upstream, Pool>();
  private readonly breakers = new Map<Upstream, CircuitBreaker>();
  /**
   * Event streams hold their connection for as long as the agent stays: they get pools of their
   * own, without a connection cap (one each) and without a body timeout (the stream is open-ended;
   * its keep-alive comments show it is alive), so they never starve the ordinary requests.
   */
  private readonly streamPools = new Map<Upstream, Pool>();

  constructor(@Inject(APP_CONFIG) private readonly config: GatewaySettings) {
    for (const upstream of UPSTREAMS) {
      const { url, timeoutMs } = config.upstreams[upstream];
      this.pools.set(upstream, new Pool(url, { connections: 64, keepAliveTimeout: 30_000, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }));
      this.streamPools.set(upstream, new Pool(url, { connections: null, keepAliveTimeout: 1_000, headersTimeout: timeoutMs, bodyTimeout: 0 }));
      this.breakers.set(upstream, new CircuitBreaker({ failureThreshold: config.CIRCUIT_BREAKER_FAILURE_THRESHOLD, openMs: config.CIRCUIT_BREAKER_OPEN_SECONDS * 1000 }));
    }
  }

  /** Relays the service's answer to the client as a stream: status, relevant headers, raw body. */
  async forward(reply: FastifyReply, upstream: Upstream, request: UpstreamRequest): Promise<FastifyReply> {
    const response = await this.send(upstream, request);
    for (const name of RELAYED_HEADERS) {
      const value = response.headers[name];
      if (value !== undefined) void reply.header(name, value);
    }
    return reply.status(response.statusCode).send(response.body);
  }

  /**
   * Relays a stream of server-sent events as it comes, chunk by chunk (never buffered), without a
   * body timeout. When the client goes away the upstream request is aborted, so the service sees
   * its stream close at once.
   */
  async stream(reply: FastifyReply, upstream: Upstream, request: UpstreamRequest): Promise<FastifyReply> {
    const response = await this.send(upstream, { ...request, accept: 'text/event-stream' }, this.streamPools.get(upstream) as Pool);
    for (const name of RELAYED_HEADERS) {
      const value = response.headers[name];
      if (value !== undefined && name !== 'content-length') void reply.header(name, value);
    }
    // Tells buffering reverse proxies (nginx) in front of the gateway to pass each event on at once.
    void reply.header('x-accel-buffering', 'no');
    return reply.status(response.statusCode).send(response.body);
  }

  /** For fan-out: the answer parsed, to be combined with others. */
  async json<T>(upstream: Upstream, request: UpstreamRequest): Promise<UpstreamJson<T>> {
    const response = await this.send(upstream, request);
    const text = await response.body.text();
    return { status: response.statusCode, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /**
   * Event streams are cut before the HTTP server closes: the server waits for every request in
   * flight, and a relayed stream never ends by itself. Agents see their stream drop and connect to
   * another replica or long-poll; a stream asked for from now on is answered 503.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.streamPools.values()].map((pool) => pool.destroy()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pools.values()].map((pool) => pool.close()));
  }

  private async send(upstream: Upstream, request: UpstreamRequest & { accept?: string }, pool = this.pools.get(upstream) as Pool): Promise<Dispatcher.ResponseData> {
    const breaker = this.breakers.get(upstream) as CircuitBreaker;
    const permit = breaker.permit();
    if (!permit.allowed) throw circuitOpen(upstream, permit.retryAfterMs);
    try {
      const response = await pool.request({
        method: request.method,
        path: request.path,
        headers: this.headers(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      if (UNHEALTHY_STATUSES.has(response.statusCode)) breaker.failed();
      else breaker.succeeded();
      return response;
    } catch (error) {
      breaker.failed();
      throw unavailable(upstream, error);
    }
  }

  private headers(request: UpstreamRequest & { accept?: string }): Record<string, string> {
    const headers: Record<string, string> = { accept: request.accept ?? 'application/json', ...signCaller(request.caller, request.method, request.path, this.config.INTERNAL_AUTH_SECRET) };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const context = RequestContextStore.current();
    if (context) {
      headers[InternalHeaders.requestId] = context.requestId;
      // With tracing on, the undici instrumentation sends the client span's traceparent instead.
      if (context.traceparent && !activeTraceparent()) headers[InternalHeaders.traceparent] = childTraceparent(context.traceparent);
    }
    return headers;
  }
}

function circuitOpen(upstream: Upstream, retryAfterMs: number): ProblemException {
  return new ProblemException({
    status: 503,
    type: 'upstream-circuit-open',
    title: 'Service temporarily unavailable',
    detail: `The ${upstream} service is failing; requests to it are paused for a moment.`,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
  });
}

function unavailable(upstream: Upstream, error: unknown): ProblemException {
  const timedOut = error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError;
  return new ProblemException({
    status: timedOut ? 504 : 503,
    type: timedOut ? 'upstream-timeout' : 'upstream-unavailable',
    title: timedOut ? 'Upstream timeout' : 'Upstream unavailable',
    detail: `The ${upstream} service ${timedOut ? 'did not answer in time' : 'is not reachable'}. Try again shortly.`,
    headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
  });
}
