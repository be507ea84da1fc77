import { propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode, context as otelContext } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

const PROVIDER = Symbol.for('ains.platform.tracer-provider');
type Holder = typeof globalThis & { [PROVIDER]?: NodeTracerProvider };

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
 * Idempotent: in the single-process mode the first service to start sets it up for all.
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  const holder = globalThis as Holder;
  if (holder[PROVIDER] || !telemetryEnabled(env)) return;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? '') }),
      new UndiciInstrumentation(),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
    ],
  });
  holder[PROVIDER] = provider;
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
