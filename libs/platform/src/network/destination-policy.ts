import ipaddr from 'ipaddr.js';

type IpRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Where webhooks may be sent, beyond the public internet. */
export interface DestinationPolicy {
  /** Loopback, private, link-local, unique-local and CGNAT addresses become acceptable. */
  allowPrivate: boolean;
  /** Addresses inside these ranges are acceptable whatever their kind (`127.0.0.1/32`, `10.0.0.0/8`). */
  allowedRanges: readonly IpRange[];
}

export type DestinationVerdict = { allowed: true } | { allowed: false; reason: string };

/** Cloud instance-metadata services: never a webhook destination, whatever the configuration. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/** Ranges an operator may open with `allowPrivate`; everything else that is not global unicast stays closed. */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);

/** Builds a policy; a malformed CIDR throws, so bad configuration fails at boot. */
export function destinationPolicy(allowPrivate: boolean, allowedCidrs: readonly string[]): DestinationPolicy {
  return { allowPrivate, allowedRanges: allowedCidrs.map((cidr) => ipaddr.parseCIDR(cidr)) };
}

export function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides whether one resolved address may receive a webhook. Only global unicast addresses pass
 * by default; IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function checkAddress(address: string, policy: DestinationPolicy): DestinationVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `${address} is not an IP address` };
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const normalized = parsed.toNormalizedString();
  const canonical = parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toString() : normalized;
  if (METADATA_ADDRESSES.has(canonical) || METADATA_ADDRESSES.has(normalized)) {
    return { allowed: false, reason: `${address} is a cloud metadata address` };
  }
  if (policy.allowedRanges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return { allowed: true };
  const range = parsed.range();
  if (range === 'unicast') return { allowed: true };
  if (policy.allowPrivate && PRIVATE_RANGES.has(range)) return { allowed: true };
  return { allowed: false, reason: `${address} is a ${describeRange(range)} address` };
}

/** All addresses a host resolves to must pass: one bad record is enough to refuse the host. */
export function checkAddresses(addresses: readonly string[], policy: DestinationPolicy): DestinationVerdict {
  if (addresses.length === 0) return { allowed: false, reason: 'the host has no address' };
  for (const address of addresses) {
    const verdict = checkAddress(address, policy);
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}

function describeRange(range: string): string {
  const names: Record<string, string> = {
    loopback: 'loopback',
    private: 'private',
    linkLocal: 'link-local',
    uniqueLocal: 'unique-local',
    carrierGradeNat: 'carrier-grade NAT',
    unspecified: 'unspecified',
    multicast: 'multicast',
    broadcast: 'broadcast',
  };
  return names[range] ?? `non-public (${range})`;
}
