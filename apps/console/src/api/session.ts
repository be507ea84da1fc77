import { AinsClient } from '@ains/sdk';
import { PROBES, accessFromStatuses, type Access, type Capability, type ProbeVerdict } from '../logic/access';

/**
 * The API key lives in this tab's sessionStorage only: never in a cookie (so no request carries
 * it unasked and no cookie jar keeps it), never in the URL; closing the tab forgets it.
 */
const STORAGE_KEY = 'ains.console.api-key';

export interface Session {
  client: AinsClient;
  access: Access;
}

export function storedApiKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function forgetApiKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Checks the key against the gateway and, when it is accepted, keeps it for this tab. */
export async function signIn(apiKey: string): Promise<{ session: Session } | { refused: string }> {
  const verdict = await probeAccess(apiKey);
  if (verdict.kind !== 'signed-in') return { refused: verdict.reason };
  sessionStorage.setItem(STORAGE_KEY, apiKey);
  // The gateway is this page's origin, in `npm start` as behind a load balancer.
  const client = new AinsClient({ url: location.origin, apiKey, retry: { maxAttempts: 2 } });
  return { session: { client, access: verdict.access } };
}

async function probeAccess(apiKey: string): Promise<ProbeVerdict> {
  const statuses = new Map<Capability, number>();
  await Promise.all(
    PROBES.map(async (probe) => {
      const status = await fetch(probe.path, {
        method: probe.method,
        headers: { 'x-api-key': apiKey, ...(probe.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: probe.method === 'POST' ? '{}' : undefined,
        credentials: 'omit',
        cache: 'no-store',
      }).then(
        (response) => response.status,
        () => 0,
      );
      statuses.set(probe.capability, status);
    }),
  );
  return accessFromStatuses(statuses);
}
