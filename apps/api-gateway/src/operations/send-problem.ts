import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { sendProblem as sendPlatformProblem } from '@ains/platform';

/**
 * Error handler of the routes the gateway registers on Fastify directly (outside Nest's filters):
 * the same problem+json as everywhere else, Fastify's own client errors included.
 */
export function sendProblem(logger: Logger) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void => sendPlatformProblem(error, request, reply, logger);
}
