import semver from 'semver';
import type { AgentCapability } from '@ains/contracts';

/**
 * Whether one of the capabilities is `name` at a version in the semver `range`. Loose versions
 * (`3.12`) are read as their coerced form (3.12.0); an invalid range matches nothing.
 */
export function hasCapabilityInRange(capabilities: readonly AgentCapability[], name: string, range: string): boolean {
  if (semver.validRange(range) === null) return false;
  return capabilities.some((capability) => {
    if (capability.name !== name) return false;
    const version = semver.valid(capability.version) ?? semver.coerce(capability.version)?.version;
    return version !== undefined && semver.satisfies(version, range, { includePrerelease: true });
  });
}

export function isValidRange(range: string): boolean {
  return semver.validRange(range) !== null;
}
