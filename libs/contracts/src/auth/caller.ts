import type { Scope } from './scopes';

/**
 * Who is calling, as established by the gateway from the API key. Services receive it in signed
 * internal headers and scope every read and write of tenant data by `clientId`.
 */
export interface Caller {
  clientId: string;
  keyId: string;
  scopes: Scope[];
  /** Set for `agent:work` keys: the one agent this key acts as. */
  agentId: string | null;
}

/** Internal headers carrying the caller from the gateway to a service, with an HMAC over them. */
export const CallerHeaders = {
  clientId: 'x-ains-client-id',
  keyId: 'x-ains-key-id',
  scopes: 'x-ains-scopes',
  agentId: 'x-ains-agent-id',
  timestamp: 'x-ains-auth-timestamp',
  signature: 'x-ains-auth-signature',
} as const;
