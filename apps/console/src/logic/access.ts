/**
 * What a key may see and do, found out by asking: the API has no "who am I" read, so the console
 * probes one cheap request per area. Reads are a one-item page; writes are an action on the nil
 * UUID, which the gateway refuses with 403 before it looks for the resource when the scope is
 * missing, and otherwise ends in 404 without changing anything.
 */
export type Capability =
  | 'tasks:read'
  | 'tasks:write'
  | 'agents:read'
  | 'agents:write'
  | 'trust:read'
  | 'schedules:read'
  | 'schedules:write'
  | 'webhooks:read'
  | 'webhooks:write'
  | 'admin';

export interface Probe {
  capability: Capability;
  method: 'GET' | 'POST';
  path: string;
}

const NIL = '00000000-0000-0000-0000-000000000000';

export const PROBES: readonly Probe[] = [
  { capability: 'tasks:read', method: 'GET', path: '/v1/tasks?limit=1' },
  { capability: 'tasks:write', method: 'POST', path: `/v1/tasks/${NIL}/cancel` },
  { capability: 'agents:read', method: 'GET', path: '/v1/agents?limit=1' },
  { capability: 'agents:write', method: 'POST', path: `/v1/agents/${NIL}/resume` },
  { capability: 'trust:read', method: 'GET', path: '/v1/trust/leaderboard?limit=1' },
  { capability: 'schedules:read', method: 'GET', path: '/v1/schedules?limit=1' },
  { capability: 'schedules:write', method: 'POST', path: `/v1/schedules/${NIL}/trigger` },
  { capability: 'webhooks:read', method: 'GET', path: '/v1/webhooks?limit=1' },
  { capability: 'webhooks:write', method: 'POST', path: `/v1/webhooks/${NIL}/deliveries/${NIL}/replay` },
  { capability: 'admin', method: 'GET', path: '/v1/api-keys?limit=1' },
];

export type Access = ReadonlySet<Capability>;

export type ProbeVerdict = { kind: 'signed-in'; access: Access } | { kind: 'refused'; reason: string } | { kind: 'unavailable'; reason: string };

/**
 * The key's access from the probes' HTTP statuses: any 401 means the key is refused; 403 means
 * the capability is missing; anything else (200, 404, even 400) means the gateway let it through.
 * A 5xx or a transport failure (status 0) leaves the question open, so signing in fails rather
 * than showing fewer pages than the key allows.
 */
export function accessFromStatuses(statuses: ReadonlyMap<Capability, number>): ProbeVerdict {
  const values = [...statuses.values()];
  if (values.some((status) => status === 401)) return { kind: 'refused', reason: 'The gateway refused this API key.' };
  if (values.some((status) => status === 429)) return { kind: 'unavailable', reason: 'Too many requests with this API key; try again in a minute.' };
  if (values.some((status) => status === 0 || status >= 500)) return { kind: 'unavailable', reason: 'The gateway did not answer; try again.' };
  const access = new Set<Capability>();
  for (const [capability, status] of statuses) if (status !== 403) access.add(capability);
  return { kind: 'signed-in', access };
}

export function can(access: Access, capability: Capability): boolean {
  return access.has('admin') || access.has(capability);
}
