import ipaddr from 'ipaddr.js';

/**
 * Whether a key restricted to `allowedCidrs` may be used from `address` (the client address the
 * gateway derived, see client-address.ts). An empty list allows every address. IPv4-mapped IPv6
 * addresses (`::ffff:203.0.113.7`, as dual-stack sockets report IPv4 peers) are judged as the IPv4
 * address they carry; an address that does not parse matches nothing.
 */
export function addressAllowed(address: string, allowedCidrs: readonly string[]): boolean {
  if (allowedCidrs.length === 0) return true;
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return allowedCidrs.some((cidr) => {
    if (!ipaddr.isValidCIDR(cidr)) return false;
    const [range, bits] = ipaddr.parseCIDR(cidr);
    const candidate = range.kind() === 'ipv4' && parsed.kind() === 'ipv6' ? undefined : parsed;
    return candidate !== undefined && candidate.kind() === range.kind() && candidate.match(range, bits);
  });
}
