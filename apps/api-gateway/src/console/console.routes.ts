import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { LOGGER, ProblemException } from '@ains/platform';
import { sendProblem } from '../operations/send-problem';
import { ASSET_CACHE_CONTROL, CONSOLE_CSP, CONSOLE_SECURITY_HEADERS, PAGE_CACHE_CONTROL, assetContentType } from './console-headers';

/** The gateway's build copies the console's (dist/apps/console) here, next to main.js. */
const CONSOLE_DIR = join(__dirname, 'console');

/**
 * The operator console at `/console/`: static files only, unauthenticated like `/docs`. The page
 * signs in with an API key and calls the public API from the browser, so the console can do
 * exactly what the key may do, through the same authentication, scopes and rate limits.
 */
@Injectable()
export class ConsoleRoutes implements OnModuleInit {
  private readonly files = new Map<string, Buffer>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Relative asset links in the page resolve under /console/ only with the trailing slash.
    const errorHandler = sendProblem(this.logger);
    fastify.get('/console', (_request, reply) => reply.redirect('/console/', 308));
    fastify.get('/console/', { errorHandler }, async (_request, reply) => {
      const page = await this.file('index.html');
      return this.secured(reply).type('text/html; charset=utf-8').header('cache-control', PAGE_CACHE_CONTROL).header('content-security-policy', CONSOLE_CSP).send(page);
    });
    fastify.get<{ Params: { name: string } }>('/console/assets/:name', { errorHandler }, async (request, reply) => {
      const type = assetContentType(request.params.name);
      if (!type) throw notFound();
      const content = await this.file(join('assets', request.params.name));
      return this.secured(reply).type(type).header('cache-control', ASSET_CACHE_CONTROL).send(content);
    });
  }

  private secured(reply: FastifyReply): FastifyReply {
    return reply.headers(CONSOLE_SECURITY_HEADERS);
  }

  private async file(relativePath: string): Promise<Buffer> {
    const cached = this.files.get(relativePath);
    if (cached) return cached;
    const content = await readFile(join(CONSOLE_DIR, relativePath)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw notFound();
      throw error;
    });
    this.files.set(relativePath, content);
    return content;
  }
}

function notFound(): ProblemException {
  return new ProblemException({ status: 404, type: 'not-found', title: 'Not found', detail: 'No such console file.' });
}
