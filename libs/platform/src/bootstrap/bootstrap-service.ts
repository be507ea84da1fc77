import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { RequestContextStore, type RequestContext } from '../logging/request-context';
import { answerClientError } from '../http/client-error';
import { drainConnectionsOnClose } from '../http/connection-drain';
import { ProblemDetailsFilter, sendProblem } from '../http/problem-details.filter';
import { installJsonBodyParser } from '../http/json-body-parser';
import { ProblemException } from '../http/problem';
import { findUnsafeText } from '../http/unsafe-text';
import { MetricsService } from '../metrics/metrics.service';
import { newTraceparent, parseTraceparent } from '../tracing/trace-context';
import { activeTraceparent } from '../tracing/telemetry';

export interface HttpServiceSettings {
  HOST: string;
  PORT: number;
  HTTP_BODY_LIMIT_BYTES: number;
  HTTP_HEADERS_TIMEOUT_MS: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number;
  HTTP_MAX_HEADER_BYTES: number;
  HTTP_MAX_CONNECTIONS: number;
  SHUTDOWN_TIMEOUT_MS: number;
}

/**
 * How often Node looks for requests past their header or request deadline (its default is 30 s,
 * which would let a slow client hold a connection that much longer than configured).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 500;

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
    // Bounds on what a slow or lying client can hold (the HTTP_* settings in the README).
    requestTimeout: settings.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: settings.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      // Node refuses a header deadline later than the whole request's.
      headersTimeout: Math.min(settings.HTTP_HEADERS_TIMEOUT_MS, settings.HTTP_REQUEST_TIMEOUT_MS),
      maxHeaderSize: settings.HTTP_MAX_HEADER_BYTES,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    clientErrorHandler: answerClientError,
    // A path segment past the length limit (414) or badly percent-encoded (400), found before routing.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply, logger),
  });
  adapter.getHttpServer().maxConnections = settings.HTTP_MAX_CONNECTIONS;
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestLoggerAdapter(logger),
    abortOnError: false,
    // The platform installs its own JSON parser (see installJsonBodyParser).
    bodyParser: false,
  });
  installRequestHooks(app, logger);
  drainConnectionsOnClose(app.getHttpAdapter().getInstance());
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
  // The body parser refuses unsafe text in bodies; this does the same for the query and path.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const unsafe = findUnsafeText(request.query, '(query)') ?? findUnsafeText(request.params, '(path)');
    done(unsafe ? ProblemException.badRequest('The request URL holds text that cannot be stored.', [unsafe]) : undefined);
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
