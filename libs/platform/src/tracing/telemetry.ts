import { propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode, context as otelContext } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

const PROVIDER = Symbol.for('ains.platform.tracer-provider');
type Holder = typeof globalThis & { [PROVIDER]?: NodeTracerProvider };

/** The share of new traces kept when OTEL_TRACES_SAMPLER is not set (OTEL_TRACES_SAMPLER_ARG overrides it). */
export const DEFAULT_TRACE_RATIO = 0.1;

/**
 * Traces are exported over OTLP when the standard OTEL_* variables ask for it (an exporter
 * endpoint, and OTEL_SDK_DISABLED / OTEL_TRACES_EXPORTER not turning it off); otherwise the
 * OpenTelemetry API stays a no-op and nothing is instrumented.
 */
export function telemetryEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts tracing for the process. Must run before the instrumented libraries (http, undici, pg,
 * ioredis) are loaded, so every entry point imports `@ains/platform/telemetry` first. Kafka is
 * traced by the messaging library itself (producer spans in the outbox relay, consumer spans in
 * the inbox), because the trace of an event is the one stored with it in the outbox, not the
 * relay's.
 *
 * With tracing off nothing of the OpenTelemetry SDK is loaded (only the no-op API). When on, the
 * standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG apply; unset, a new trace is kept with
 * probability DEFAULT_TRACE_RATIO and a continued one follows its caller's decision. SQL
 * statements get spans only with TRACING_SQL_SPANS=true: at several statements per request they
 * would outnumber every other span.
 * Idempotent: in the single-process mode the first service to start sets it up for all.
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  const holder = globalThis as Holder;
  if (holder[PROVIDER] || !telemetryEnabled(env)) return;
  // Loaded here, synchronously, so that a service with tracing off never loads them, and before
  // the libraries they instrument are (a dynamic import would resolve too late for that).
  const sdk = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { ATTR_SERVICE_NAME } = require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');
  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(new OTLPTraceExporter())],
    // Without OTEL_TRACES_SAMPLER the SDK would keep every trace; with it, the SDK reads it itself.
    sampler: env.OTEL_TRACES_SAMPLER ? undefined : new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(traceRatio(env)) }),
  });
  provider.register();
  const instrumentations: import('@opentelemetry/instrumentation').Instrumentation[] = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? '') }),
    new UndiciInstrumentation(),
    new IORedisInstrumentation(),
  ];
  if (env.TRACING_SQL_SPANS === 'true') {
    const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
    instrumentations.push(new PgInstrumentation({ requireParentSpan: true }));
  }
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  holder[PROVIDER] = provider;
}

/** OTEL_TRACES_SAMPLER_ARG when it is a ratio in [0, 1], else the default. */
export function traceRatio(env: NodeJS.ProcessEnv): number {
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG);
  return env.OTEL_TRACES_SAMPLER_ARG !== undefined && env.OTEL_TRACES_SAMPLER_ARG !== '' && ratio >= 0 && ratio <= 1 ? ratio : DEFAULT_TRACE_RATIO;
}

/** Flushes buffered spans; called when the service shuts down. */
export async function shutdownTelemetry(): Promise<void> {
  const holder = globalThis as Holder;
  const provider = holder[PROVIDER];
  holder[PROVIDER] = undefined;
  await provider?.shutdown();
}

/** The W3C traceparent of the active span, when tracing is on and a span is active. */
export function activeTraceparent(): string | undefined {
  if (!trace.getActiveSpan()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(otelContext.active(), carrier);
  return carrier.traceparent;
}

/** Runs `work` in a span that continues the trace carried by an event's traceparent. */
export function withConsumerSpan<T>(name: string, traceparent: string | undefined, work: () => Promise<T>): Promise<T> {
  const parent = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  return trace.getTracer('ains').startActiveSpan(name, { kind: SpanKind.CONSUMER }, parent, async (span): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

export interface ProducerSpan {
  /** The traceparent to send with the message: the producer span, or the event's own when tracing is off. */
  traceparent: string | undefined;
  end(error?: unknown): void;
}

/** A span for publishing one event, child of the trace the event was written in. */
export function startProducerSpan(name: string, traceparent: string | undefined): ProducerSpan {
  const parent = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  const span = trace.getTracer('ains').startSpan(name, { kind: SpanKind.PRODUCER }, parent);
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return {
    traceparent: carrier.traceparent ?? traceparent,
    end(error?: unknown) {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
