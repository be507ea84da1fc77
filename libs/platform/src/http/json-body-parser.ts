import type { FastifyInstance } from 'fastify';
import { ProblemException } from './problem';
import { findUnsafeText } from './unsafe-text';

/**
 * Replaces Fastify's JSON parser with one that keeps its prototype-poisoning protection but
 * reports bad bodies as problem documents that say what is wrong, and refuses text PostgreSQL
 * cannot store (see unsafe-text.ts) before any handler sees it.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(ProblemException.badRequest('The body is empty but the content type is application/json.'), undefined);
      return;
    }
    void parse(request, text, (error, value) => {
      if (error) {
        done(ProblemException.badRequest(`The request body is not valid JSON: ${describe(error)}`), undefined);
        return;
      }
      const unsafe = findUnsafeText(value);
      if (unsafe) done(ProblemException.badRequest('The request body holds text that cannot be stored.', [unsafe]), undefined);
      else done(null, value);
    });
  });
}

function describe(error: Error): string {
  return error.message.replace(/^.*?JSON[^:]*:\s*/i, '').slice(0, 200) || 'syntax error';
}
