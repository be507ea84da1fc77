import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '@ains/contracts';
import { verifyCaller } from '@ains/platform';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The caller as a service would verify it; undefined when the signature does not hold. */
  caller: Caller | undefined;
}

/** `stream`: the answer is `text/event-stream`, left open in `streams` for the test to write to and end. */
export type FakeRoute = (request: ReceivedRequest) => { status: number; body?: unknown; headers?: Record<string, string>; stream?: boolean };

/**
 * Stands in for the services behind the gateway in integration tests: records what arrives,
 * verifies the caller signature exactly as a service does, and answers as the test says (by
 * default 200 with the verified caller and what it received).
 */
export class FakeUpstream {
  readonly received: ReceivedRequest[] = [];
  /** Event-stream answers still open (or closed by the other side: see `destroyed`). */
  readonly streams: ServerResponse[] = [];
  route: FakeRoute = (request) => ({ status: request.caller ? 200 : 401, body: { caller: request.caller, method: request.method, url: request.url } });
  private server: Server | undefined;

  constructor(private readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      const method = request.method ?? 'GET';
      const received: ReceivedRequest = { method, url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), caller: verifyCaller(request.headers, method, url, this.secret) };
      this.received.push(received);
      const answer = this.route(received);
      if (answer.stream) {
        response.writeHead(answer.status, { 'content-type': 'text/event-stream', ...answer.headers });
        response.write(': open\n\n');
        this.streams.push(response);
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  }
}
