// Requests to the gateway over one keep-alive undici pool: bodies go out as prepared strings and
// answers are read only when asked for, so the generator's own cost per request stays small.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../lib.mjs';

const { Pool } = createRequire(join(root, 'package.json'))('undici');

export function gatewayClient(origin, { connections = 128 } = {}) {
  const pool = new Pool(origin, { connections, keepAliveTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 });

  /** Sends `body` (a JSON string) with `key`; resolves with the status, and the parsed body when `parse`. */
  async function request(method, path, key, body, parse = false) {
    const headers = body === undefined ? { 'x-api-key': key } : { 'x-api-key': key, 'content-type': 'application/json' };
    const response = await pool.request({ method, path, headers, body });
    if (!parse) {
      await response.body.dump();
      return { status: response.statusCode };
    }
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
  }

  /** A request whose answer the suite needs: throws unless the status is `expected`. */
  async function call(method, path, key, payload, expected) {
    const { status, body } = await request(method, path, key, payload === undefined ? undefined : JSON.stringify(payload), true);
    if (status !== expected) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(body)?.slice(0, 400)}`);
    return body;
  }

  return { request, call, close: () => pool.close() };
}
