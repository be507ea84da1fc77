import type { AgentView, Caller } from '@ains/contracts';
import { ProblemException } from '@ains/platform';

/** What the access rules need to know of an agent. */
export interface AgentOwnership {
  id: string;
  /** The client that registered it; null for agents registered before ownership was recorded. */
  ownerClientId: string | null;
}

const isAdmin = (caller: Caller) => caller.scopes.includes('admin');

/**
 * Whether the caller may change the agent's profile or deregister it: an admin, or a fleet
 * operator (`agents:write`) of the client that registered it. The fleet is shared for routing,
 * not for control: another client's operator key may read the agent but not change it.
 */
export function mayManageAgent(caller: Caller, agent: AgentOwnership): boolean {
  if (isAdmin(caller)) return true;
  return caller.scopes.includes('agents:write') && agent.ownerClientId !== null && caller.clientId === agent.ownerClientId;
}

/**
 * Whether the caller may act on the agent's behalf (heartbeat, drain, resume): whoever may manage
 * it, and the agent itself through an `agent:work` key bound to its id.
 */
export function mayActForAgent(caller: Caller, agent: AgentOwnership): boolean {
  if (caller.scopes.includes('agent:work') && caller.agentId === agent.id) return true;
  return mayManageAgent(caller, agent);
}

/** Whether the agent's check needs its owner: only a bound agent key is decided without it. */
export function isOwnAgentKey(caller: Caller, agentId: string): boolean {
  return caller.scopes.includes('agent:work') && caller.agentId === agentId;
}

export function notYourAgent(agentId: string): ProblemException {
  return new ProblemException({
    status: 403,
    type: 'forbidden',
    title: 'Forbidden',
    detail: `Agent ${agentId} was registered by another client: only that client's keys (or an admin) may change it, and an agent key only its own agent.`,
  });
}

/**
 * Reads are fleet-wide (every `agents:read` key sees every agent, as routing may use any of
 * them); who owns an agent is shown to its owner and to admins only, so clients' ids do not leak
 * to one another.
 */
export function visibleTo(view: AgentView, caller: Caller): AgentView {
  if (isAdmin(caller) || view.owner_client_id === caller.clientId) return view;
  return { ...view, owner_client_id: null };
}
