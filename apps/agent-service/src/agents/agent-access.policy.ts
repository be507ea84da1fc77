import type { Caller } from '@ains/contracts';

/**
 * Whether the caller may act on the agent's own behalf (heartbeat, drain): fleet operators
 * (`agents:write`, `admin`) for any agent, an `agent:work` key only for the agent it is bound to.
 */
export function mayActForAgent(caller: Caller, agentId: string): boolean {
  if (caller.scopes.includes('admin') || caller.scopes.includes('agents:write')) return true;
  return caller.scopes.includes('agent:work') && caller.agentId === agentId;
}
