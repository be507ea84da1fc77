import semver from 'semver';
import type { RoutingRequirements } from '@ains/contracts';
import type { CandidateAgent, RoutableTask } from '../strategies/routing-strategy';

/** Trust of an agent trust-service has not scored yet: the score every agent starts with. */
export const INITIAL_TRUST_BP = 5_000;

/** Whether the agent's profile satisfies the task's requirements (load and status aside). */
export function isCapable(agent: CandidateAgent, requirements: RoutingRequirements): boolean {
  if (!requirements.requiredTags.every((tag) => agent.tags.includes(tag))) return false;
  if (requirements.minTrust !== null && agent.trustBp < Math.round(requirements.minTrust * 10_000)) return false;
  return requirements.capabilities.every((needed) => agent.capabilities.some((offered) => offered.name === needed.name && versionSatisfies(offered.version, needed.range)));
}

/**
 * Semver match that tolerates the loose versions agents report (`3.12` means 3.12.0); an
 * invalid range matches nothing rather than everything.
 */
export function versionSatisfies(version: string, range: string): boolean {
  const parsed = semver.valid(version) ?? semver.coerce(version)?.version;
  if (!parsed || semver.validRange(range) === null) return false;
  return semver.satisfies(parsed, range, { includePrerelease: true });
}

export function hasFreeSlot(agent: CandidateAgent): boolean {
  return agent.activeCount < agent.maxConcurrency;
}

/**
 * The agents a task may go to now, from the agents that are online (not draining, offline or
 * deregistered). Agents that already failed or timed out on this task are avoided while any
 * other online agent is capable, even a busy one (the task waits for it rather than returning
 * to an agent that just failed it); when only excluded agents are capable, they are used.
 */
export function candidatesFor(task: RoutableTask, onlineAgents: readonly CandidateAgent[]): CandidateAgent[] {
  const capable = onlineAgents.filter((agent) => isCapable(agent, task.requirements));
  const preferred = capable.filter((agent) => !task.excludedAgentIds.includes(agent.agentId));
  return (preferred.length > 0 ? preferred : capable).filter(hasFreeSlot);
}

/**
 * What decides whether a task has any candidate in a fleet: the online agents' profiles and
 * whether each has a free slot (not their load beyond that, which only sways the pick). Two fleets
 * with the same key give every task the same answer.
 */
export function matchingKey(onlineAgents: readonly CandidateAgent[]): string {
  return JSON.stringify(onlineAgents.map((agent) => [agent.agentId, agent.tags, agent.capabilities, agent.trustBp, hasFreeSlot(agent)]));
}
