import { contractViolations } from './contract';
import { e2eEnv, gatewayUrl } from './stack-env';

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends no API key at all: for tests of what anonymous callers get. */
export const ANONYMOUS = { 'x-api-key': '' } as const;

/**
 * A request to the gateway; the body is sent as JSON unless it is already a string. It carries the
 * suite's admin key unless `headers` brings its own `X-API-Key` or `Authorization` (pass
 * ANONYMOUS for none). Every answer is checked against docs/openapi.json (support/contract.ts): one
 * that breaks the published contract fails the test that received it.
 */
export async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  const ownCredentials = Object.keys(headers).some((name) => ['x-api-key', 'authorization'].includes(name.toLowerCase()));
  const credentials = ownCredentials ? {} : { 'x-api-key': e2eEnv.BOOTSTRAP_ADMIN_API_KEY };
  const sent = Object.fromEntries(Object.entries({ ...credentials, ...headers }).filter(([, value]) => value !== ''));
  const init: RequestInit = { method, headers: sent };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${gatewayUrl}${path}`, init);
  const text = await response.text();
  const violations = contractViolations(method, path, response.status, response.headers.get('content-type'), text);
  if (violations.length > 0) throw new Error(`${method} ${path} broke the published contract:\n  ${violations.join('\n  ')}\n${text.slice(0, 500)}`);
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}
