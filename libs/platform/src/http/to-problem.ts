import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ProblemException, problemType, type ProblemDocument } from './problem';

export interface RenderedProblem {
  document: ProblemDocument;
  headers: Record<string, string>;
  /** True when the failure is ours, not the client's: worth an error log with the stack. */
  unexpected: boolean;
}

/** Turns any error raised while serving a request into an RFC 9457 problem document. */
export function toProblem(error: unknown, instance: string, requestId?: string): RenderedProblem {
  if (error instanceof ProblemException) {
    const { status, title, type, detail, errors, headers, extensions } = error.problem;
    return {
      document: { type: problemType(type), title, status, detail, errors, instance, request_id: requestId, ...extensions },
      headers: headers ?? {},
      // Thrown on purpose (a 503 under backpressure, say): an answer, not a failure to log.
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : extractMessage(response) ?? error.message;
    return { document: statusProblem(status, detail, instance, requestId), headers: {}, unexpected: status >= 500 };
  }
  const clientError = frameworkClientError(error);
  if (clientError) return { document: { ...clientError, instance, request_id: requestId }, headers: {}, unexpected: false };
  return {
    document: {
      type: problemType('internal-error'),
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      instance,
      request_id: requestId,
    },
    headers: {},
    unexpected: true,
  };
}

/** A problem named after its HTTP status, titled in the same sentence case as every other problem. */
export function statusProblem(status: number, detail: string, instance?: string, requestId?: string): ProblemDocument {
  const reason = STATUS_CODES[status] ?? 'Error';
  return { type: problemType(reason.toLowerCase().replace(/[^a-z0-9]+/g, '-')), title: sentenceCase(reason), status, detail, instance, request_id: requestId };
}

/**
 * Fastify's own 4xx errors (body too large, unsupported media type, a bad URL), raised before a
 * handler runs. Their messages name Fastify internals, so the client gets one of ours instead.
 */
function frameworkClientError(error: unknown): ProblemDocument | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { ...statusProblem(415, 'Send the request body as JSON, with the header Content-Type: application/json.'), type: problemType('unsupported-media-type') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return statusProblem(400, 'The request body is not as long as its Content-Length header says.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return statusProblem(413, 'The request body is larger than this server accepts.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return statusProblem(414, 'A path segment is longer than this server accepts.');
    case 'FST_ERR_BAD_URL':
      return statusProblem(400, 'The URL is not valid: a path segment is not correctly percent-encoded.');
    default:
      break;
  }
  return statusProblem(status, error instanceof Error ? error.message.slice(0, 300) : 'The request was rejected.');
}

function sentenceCase(reason: string): string {
  return reason.charAt(0) + reason.slice(1).toLowerCase();
}

function extractMessage(response: object): string | undefined {
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}
