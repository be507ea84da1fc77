import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { InternalHeaders } from '@ains/contracts';
import { APP_CONFIG, ProblemException, RequestContextStore, childTraceparent } from '@ains/platform';
import { UPSTREAMS, type Upstream } from './upstreams';
import type { GatewaySettings } from '../service';

export interface UpstreamRequest {
  method: Dispatcher.HttpMethod;
  path: string;
  body?: unknown;
}

export interface UpstreamResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

const RETRY_AFTER_SECONDS = 5;

/** Keep-alive connection pools to every service, with the request id and trace context forwarded. */
@Injectable()
export class UpstreamClient implements OnApplicationShutdown {
  private readonly pools: Map<Upstream, Pool>;

  constructor(@Inject(APP_CONFIG) config: GatewaySettings) {
    this.pools = new Map(
      UPSTREAMS.map((upstream) => [
        upstream,
        new Pool(config.upstreams[upstream], { connections: 64, keepAliveTimeout: 30_000, headersTimeout: config.UPSTREAM_TIMEOUT_MS, bodyTimeout: config.UPSTREAM_TIMEOUT_MS }),
      ]),
    );
  }

  async call<T = unknown>(upstream: Upstream, request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const context = RequestContextStore.current();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (context) {
      headers[InternalHeaders.requestId] = context.requestId;
      if (context.traceparent) headers[InternalHeaders.traceparent] = childTraceparent(context.traceparent);
    }
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await this.pool(upstream).request({ method: request.method, path: request.path, headers, body });
      const text = await response.body.text();
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body: (text ? JSON.parse(text) : undefined) as T };
    } catch (error) {
      throw unavailable(upstream, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pools.values()].map((pool) => pool.close()));
  }

  private pool(upstream: Upstream): Pool {
    const pool = this.pools.get(upstream);
    if (!pool) throw new Error(`no pool for upstream ${upstream}`);
    return pool;
  }
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

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}
