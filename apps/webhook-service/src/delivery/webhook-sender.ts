import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import { guardedLookup, resolveDestination, type DestinationPolicy } from '@ains/platform';
import type { AttemptResult } from './attempt-policy';

export interface SenderSettings {
  policy: DestinationPolicy;
  attemptTimeoutMs: number;
  responseBodyMaxBytes: number;
}

export interface OutgoingWebhook {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const USER_AGENT = 'AINS-Webhooks/1';

/**
 * Sends one webhook POST. Every connection resolves its host through the SSRF guard, redirects
 * are never followed, the whole attempt has a deadline and only the start of the response body
 * is read. Never throws: every outcome becomes an AttemptResult.
 */
export class WebhookSender {
  private readonly dispatcher: Agent;

  constructor(private readonly settings: SenderSettings) {
    this.dispatcher = new Agent({
      connect: { lookup: guardedLookup(settings.policy), timeout: settings.attemptTimeoutMs },
      headersTimeout: settings.attemptTimeoutMs,
      bodyTimeout: settings.attemptTimeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  async send(webhook: OutgoingWebhook): Promise<AttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const url = new URL(webhook.url);
      // Sockets skip `lookup` for IP literals (the URL parser has normalised every IPv4 spelling), so those are checked here.
      if (isIP(url.hostname.replace(/^\[(.*)\]$/, '$1'))) await resolveDestination(url.hostname, this.settings.policy);
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { ...webhook.headers, 'content-type': 'application/json', 'user-agent': USER_AGENT },
        body: webhook.body,
        signal: AbortSignal.timeout(this.settings.attemptTimeoutMs),
      });
      const responseBody = await readCapped(response.body, this.settings.responseBodyMaxBytes);
      const redirected = response.statusCode >= 300 && response.statusCode < 400;
      return { statusCode: response.statusCode, latencyMs: elapsed(), responseBody, error: redirected ? 'redirect not followed' : null };
    } catch (error) {
      return { statusCode: null, latencyMs: elapsed(), responseBody: null, error: describeError(error) };
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

/** Reads at most `maxBytes` of the body, then drops the connection's remaining bytes. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) {
      body.destroy();
      break;
    }
  }
  if (size === 0) return null;
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error && cause.message !== error.message ? `: ${cause.message}` : '';
  const name = error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timeout' : error.name;
  return `${name}: ${error.message}${detail}`.slice(0, 1_000);
}
