import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/**
 * A client's webhook endpoint on 127.0.0.1. Every delivery is verified with the official
 * `standardwebhooks` library; only verified deliveries are kept, and unverifiable ones answer 400.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly rejected: string[] = [];
  private server: Server | undefined;
  private verifier: Webhook | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          if (!this.verifier) throw new Error('no secret yet');
          const event = this.verifier.verify(body, request.headers as Record<string, string>) as ReceivedWebhook;
          this.received.push(event);
          response.writeHead(204).end();
        } catch (error) {
          this.rejected.push(String(error));
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The endpoint's signing secret (`whsec_...`), known once the webhook is created. */
  trust(secret: string): void {
    this.verifier = new Webhook(secret);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
