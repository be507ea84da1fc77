import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** Which of the receiver's secrets verified the request with the official library, if any. */
  verifiedWith: string[];
}

/** How the receiver answers the n-th request (0-based); `hold` leaves the request hanging until `release()`. */
export type Answer = { status: number; body?: string } | 'hold';

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that verifies each request with
 * the official `standardwebhooks` library and answers as the test scripts it.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secrets: string[] = [];
  answer: (index: number) => Answer = () => ({ status: 204 });
  private readonly held: ServerResponse[] = [];
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const index = this.received.length;
        this.received.push({ headers: request.headers, body, verifiedWith: this.secrets.filter((secret) => verifies(secret, body, request.headers)) });
        const answer = this.answer(index);
        if (answer === 'hold') {
          this.held.push(response);
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hook`;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  get heldCount(): number {
    return this.held.filter((response) => !response.writableEnded).length;
  }

  /** Answers every held request with 200. */
  release(): void {
    for (const response of this.held.splice(0)) {
      if (!response.writableEnded && !response.destroyed) response.writeHead(200).end();
    }
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function verifies(secret: string, body: string, headers: IncomingHttpHeaders): boolean {
  try {
    new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}
