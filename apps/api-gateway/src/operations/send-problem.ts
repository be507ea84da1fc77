import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, ProblemException, toProblem } from '@ains/platform';

/**
 * Error handler of the routes the gateway registers on Fastify directly (outside Nest's filters):
 * the same problem+json as everywhere else. Fastify's own client errors (body too large,
 * unsupported media type) keep their 4xx status.
 */
export function sendProblem(logger: Logger) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    const { document, headers, unexpected } = toProblem(asProblem(error), request.url.split('?')[0] ?? '/', String(request.id));
    if (unexpected) logger.error({ err: error, method: request.method, url: request.url }, 'request failed');
    void reply.status(document.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(document);
  };
}

function asProblem(error: unknown): unknown {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (error instanceof ProblemException || typeof status !== 'number' || status < 400 || status >= 500) return error;
  const message = error instanceof Error ? error.message : 'The request was rejected.';
  return new ProblemException({ status, type: status === 413 ? 'payload-too-large' : 'bad-request', title: status === 413 ? 'Payload too large' : 'Bad request', detail: message });
}
