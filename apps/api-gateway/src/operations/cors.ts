import cors from '@fastify/cors';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '@ains/platform';
import type { GatewaySettings } from '../gateway-settings';

/**
 * Browsers may call the API only from the origins in CORS_ALLOWED_ORIGINS (none by default: the
 * API is meant for servers). Preflights are answered for the API-key and idempotency headers, and
 * the rate-limit headers are readable by the page.
 */
@Injectable()
export class CorsPolicy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
  ) {}

  onModuleInit(): void {
    if (this.config.CORS_ALLOWED_ORIGINS.length === 0) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(cors, {
      origin: this.config.CORS_ALLOWED_ORIGINS,
      credentials: this.config.CORS_ALLOW_CREDENTIALS,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['content-type', 'x-api-key', 'authorization', 'idempotency-key', 'x-request-id', 'traceparent'],
      exposedHeaders: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id', 'location'],
      maxAge: 600,
    });
  }
}
