import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './to-problem';

/** Renders every error that reaches the HTTP edge as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

/** Answers a request with the problem document of `error`; failures of ours are logged with the stack. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const { document, headers, unexpected } = toProblem(error, request.url.split('?')[0] ?? '/', String(request.id));
  if (unexpected) {
    logger.error({ err: error, method: request.method, url: request.url }, 'request failed');
  }
  if (reply.sent) return;
  void reply.status(document.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(document);
}
