import { createHmac, timingSafeEqual } from 'node:crypto';
import { CallerHeaders, isScope, type Caller } from '@ains/contracts';

/** How far a signed request's timestamp may be from the service's clock. */
export const MAX_CLOCK_SKEW_MS = 60_000;

function canonical(caller: Caller, method: string, url: string, timestamp: string): string {
  return ['v1', method.toUpperCase(), url, caller.clientId, caller.keyId, caller.scopes.join(','), caller.agentId ?? '', timestamp].join('\n');
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** Headers the gateway adds to a forwarded request: the caller, bound to method and URL by an HMAC. */
export function signCaller(caller: Caller, method: string, url: string, secret: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  const headers: Record<string, string> = {
    [CallerHeaders.clientId]: caller.clientId,
    [CallerHeaders.keyId]: caller.keyId,
    [CallerHeaders.scopes]: caller.scopes.join(','),
    [CallerHeaders.timestamp]: timestamp,
    [CallerHeaders.signature]: sign(secret, canonical(caller, method, url, timestamp)),
  };
  if (caller.agentId) headers[CallerHeaders.agentId] = caller.agentId;
  return headers;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Checks the caller headers of an incoming internal request. Returns the caller, or undefined when
 * they are missing, stale, or not signed with the shared secret (compared in constant time).
 */
export function verifyCaller(headers: HeaderBag, method: string, url: string, secret: string, now = Date.now()): Caller | undefined {
  const read = (name: string): string | undefined => {
    const value = headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const clientId = read(CallerHeaders.clientId);
  const keyId = read(CallerHeaders.keyId);
  const timestamp = read(CallerHeaders.timestamp);
  const signature = read(CallerHeaders.signature);
  if (!clientId || !keyId || !timestamp || !signature) return undefined;
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) return undefined;
  const scopes = (read(CallerHeaders.scopes) ?? '').split(',').filter(Boolean);
  if (!scopes.every(isScope)) return undefined;
  const caller: Caller = { clientId, keyId, scopes, agentId: read(CallerHeaders.agentId) ?? null };
  const expected = Buffer.from(sign(secret, canonical(caller, method, url, timestamp)));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return caller;
}
