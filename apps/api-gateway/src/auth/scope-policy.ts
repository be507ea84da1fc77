import type { ApiOperation, Caller } from '@ains/contracts';

export type AuthorizationResult = { allowed: true } | { allowed: false; reason: string };

/**
 * The path parameter naming the agent an operation acts on: `{agentId}` anywhere, or the `{id}`
 * of an agent resource (`/v1/agents/{id}/...`).
 */
export function agentParamOf(path: string): string | undefined {
  if (path.includes('{agentId}')) return 'agentId';
  return /^\/v1\/agents\/\{id\}(\/|$)/.test(path) ? 'id' : undefined;
}

/**
 * Least privilege: the key needs one of the operation's scopes (`admin` passes everywhere). A key
 * bound to an agent (`agent:work`) may only act as that agent: wherever the path names an agent,
 * it must be the key's own.
 */
export function authorize(caller: Caller, operation: Pick<ApiOperation, 'scopes' | 'path'>, params: Record<string, unknown>): AuthorizationResult {
  if (caller.scopes.includes('admin')) return { allowed: true };
  if (!operation.scopes.some((scope) => caller.scopes.includes(scope))) {
    return { allowed: false, reason: `This API key lacks the scope this operation needs (one of: ${operation.scopes.join(', ')}).` };
  }
  const agentParam = agentParamOf(operation.path);
  if (caller.agentId !== null && agentParam !== undefined && params[agentParam] !== caller.agentId) {
    return { allowed: false, reason: 'This agent key may only act for its own agent.' };
  }
  return { allowed: true };
}
