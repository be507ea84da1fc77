import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import { documentedOperations } from './documented-operations';
import { buildOpenApiDocument } from './openapi-document';

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>AINS API</title><link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/docs/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body>
</html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;
// Served from the installed swagger-ui-dist package, never from a CDN.
const ASSETS: Record<string, string> = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'application/javascript; charset=utf-8' };
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

/** The public, unauthenticated API description: `/openapi.json` and the interactive `/docs`. */
@Injectable()
export class DocsRoutes implements OnModuleInit {
  private readonly document = JSON.stringify(buildOpenApiDocument(documentedOperations()));
  private readonly assets = new Map<string, Buffer>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/openapi.json', (_request, reply) => reply.type('application/json').send(this.document));
    fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', DOCS_CSP).send(DOCS_PAGE));
    fastify.get('/docs/init.js', (_request, reply) => reply.type('application/javascript; charset=utf-8').send(DOCS_INIT));
    for (const [name, type] of Object.entries(ASSETS)) {
      fastify.get(`/docs/${name}`, async (_request, reply) => reply.type(type).header('cache-control', 'public, max-age=86400').send(await this.asset(name)));
    }
  }

  private async asset(name: string): Promise<Buffer> {
    const cached = this.assets.get(name);
    if (cached) return cached;
    const content = await readFile(join(getAbsoluteFSPath(), name));
    this.assets.set(name, content);
    return content;
  }
}
