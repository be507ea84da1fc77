/**
 * What an API key may do. Each public route declares the scopes it accepts (any one suffices);
 * `admin` is accepted everywhere. `agent:work` keys are bound to one agent id.
 */
export const SCOPES = [
  'tasks:read',
  'tasks:write',
  'agents:read',
  'agents:write',
  'agent:work',
  'schedules:read',
  'schedules:write',
  'webhooks:read',
  'webhooks:write',
  'trust:read',
  'trust:admin',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
