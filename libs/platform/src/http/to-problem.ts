import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ProblemException, problemType, type ProblemDocument } from './problem';

export interface RenderedProblem {
  document: ProblemDocument;
  headers: Record<string, string>;
  /** True when the failure is ours, not the client's: worth an error log with the stack. */
  unexpected: boolean;
}

interface ErrorWithStatus {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Fastify's own request errors, mapped to messages that say what the client should fix. */
const FRAMEWORK_ERRORS: Record<string, { slug: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { slug: 'payload-too-large', detail: 'The request body exceeds the size limit.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { slug: 'unsupported-media-type', detail: 'Send the body as application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { slug: 'malformed-json', detail: 'The body is empty but the content type is JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { slug: 'malformed-request', detail: 'The Content-Length header does not match the body.' },
};

/** Turns any error raised while serving a request into an RFC 9457 problem document. */
export function toProblem(error: unknown, instance: string, requestId?: string): RenderedProblem {
  if (error instanceof ProblemException) {
    const { status, title, type, detail, errors, headers, extensions } = error.problem;
    return {
      document: { type: problemType(type), title, status, detail, errors, instance, request_id: requestId, ...extensions },
      headers: headers ?? {},
      unexpected: status >= 500,
    };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : extractMessage(response) ?? error.message;
    return {
      document: { type: problemType(slugFor(status)), title: STATUS_CODES[status] ?? 'Error', status, detail, instance, request_id: requestId },
      headers: {},
      unexpected: status >= 500,
    };
  }

  const candidate = (error ?? {}) as ErrorWithStatus;
  if (typeof candidate.statusCode === 'number' && candidate.statusCode >= 400 && candidate.statusCode < 500) {
    const known = candidate.code ? FRAMEWORK_ERRORS[candidate.code] : undefined;
    const isJsonSyntax = error instanceof SyntaxError || candidate.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
    const slug = known?.slug ?? (isJsonSyntax ? 'malformed-json' : slugFor(candidate.statusCode));
    const detail = known?.detail ?? (isJsonSyntax ? 'The request body is not valid JSON.' : candidate.message);
    return {
      document: {
        type: problemType(slug),
        title: STATUS_CODES[candidate.statusCode] ?? 'Bad Request',
        status: candidate.statusCode,
        detail,
        instance,
        request_id: requestId,
      },
      headers: {},
      unexpected: false,
    };
  }

  return {
    document: {
      type: problemType('internal-error'),
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      instance,
      request_id: requestId,
    },
    headers: {},
    unexpected: true,
  };
}

function extractMessage(response: object): string | undefined {
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

function slugFor(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
