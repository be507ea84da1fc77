import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { RequestContextStore } from './request-context';
import { traceIdOf } from '../tracing/trace-context';
import { serializeError } from './error-serializer';

export interface LoggerOptions {
  service: string;
  level: LevelWithSilent;
}

/**
 * Structured JSON logs, one object per line. Every line written while a request or event is being
 * handled carries its request id and trace id. Credentials are redacted wherever they appear, and
 * errors lose the values of the statement that failed (see error-serializer.ts).
 */
export function createLogger({ service, level }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers["x-ains-internal-auth"]',
        'headers.authorization',
        'headers["x-api-key"]',
        '*.password',
        '*.secret',
        '*.apiKey',
      ],
      censor: '[redacted]',
    },
    mixin() {
      const context = RequestContextStore.current();
      if (!context) return {};
      const traceId = context.traceparent ? traceIdOf(context.traceparent) : undefined;
      return traceId ? { requestId: context.requestId, traceId } : { requestId: context.requestId };
    },
  };
  return pino(options, stdout());
}

let sharedStdout: DestinationStream | undefined;

/**
 * One asynchronous writer of standard output per process, shared by every logger in it (in
 * single-process mode, all seven services'): a line never blocks the event loop on a write, lines
 * logged while a write is in flight go out together in the next one, and whole lines from
 * different services never interleave. pino flushes it synchronously when the process exits.
 */
function stdout(): DestinationStream {
  sharedStdout ??= pino.destination({ dest: 1, sync: false });
  return sharedStdout;
}
