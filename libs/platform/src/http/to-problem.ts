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
    return {
      document: { type: problemType(slugFor(status)), title: STATUS_CODES[status] ?? 'Error', status, detail, instance, request_id: requestId },
      headers: {},
      unexpected: status >= 500,
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
