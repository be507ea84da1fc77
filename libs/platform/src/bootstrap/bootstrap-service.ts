import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { RequestContextStore, type RequestContext } from '../logging/request-context';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { installJsonBodyParser } from '../http/json-body-parser';
import { MetricsService } from '../metrics/metrics.service';
import { newTraceparent, parseTraceparent } from '../tracing/trace-context';
import { activeTraceparent } from '../tracing/telemetry';

export interface HttpServiceSettings {
  HOST: string;
  PORT: number;
  HTTP_BODY_LIMIT_BYTES: number;
  SHUTDOWN_TIMEOUT_MS: number;
}

export interface BootstrapOptions {
  service: string;
  module: DynamicModule;
  settings: HttpServiceSettings;
  logger: Logger;
  /** Close the app on SIGTERM/SIGINT (default). Off when a launcher hosting several apps does it. */
  handleSignals?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

declare module 'fastify' {
  interface FastifyRequest {
    context: RequestContext;
  }
}

/** Creates the service's NestJS app on Fastify with the platform's conventions, and starts it. */
export async function createHttpApp(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const { module, settings, logger } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: settings.HTTP_BODY_LIMIT_BYTES,
    // Honour a well-formed incoming request id so one id follows a request across services.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestLoggerAdapter(logger),
    abortOnError: false,
    // The platform installs its own JSON parser (see installJsonBodyParser).
    bodyParser: false,
  });
  installRequestHooks(app, logger);
  installJsonBodyParser(app.getHttpAdapter().getInstance());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  if (options.handleSignals !== false) app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

export async function startHttpService(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const app = await createHttpApp(options);
  armShutdownDeadline(options.settings.SHUTDOWN_TIMEOUT_MS, options.logger);
  await app.listen(options.settings.PORT, options.settings.HOST);
  options.logger.info({ port: options.settings.PORT }, `${options.service} listening`);
  return app;
}

function installRequestHooks(app: NestFastifyApplication, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);

  fastify.addHook('onRequest', (request, reply, done) => {
    const incoming = request.headers.traceparent;
    // The instrumented server span when tracing is on; else the caller's trace, or a new one.
    const traceparent = activeTraceparent() ?? parseTraceparent(typeof incoming === 'string' ? incoming : undefined) ?? newTraceparent();
    request.context = { requestId: String(request.id), traceparent };
    void reply.header('x-request-id', request.id);
    done();
  });
  // Entered after the body is parsed, so the handler and everything it awaits sees the context.
  fastify.addHook('preHandler', (request, _reply, done) => {
    RequestContextStore.run(request.context, done);
  });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: request.method, route, status_code: reply.statusCode }, seconds);
    const line = { requestId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (QUIET_ROUTES.has(route)) logger.debug(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}

/** If graceful shutdown hangs (a stuck consumer, a slow client), exit anyway after the deadline. */
function armShutdownDeadline(timeoutMs: number, logger: Logger): void {
  const arm = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'graceful shutdown timed out, exiting');
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
