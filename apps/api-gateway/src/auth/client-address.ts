import ipaddr from 'ipaddr.js';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses TRUSTED_PROXIES entries (addresses or CIDR ranges); throws on anything else. */
export function parseTrustedProxies(entries: readonly string[]): Cidr[] {
  return entries.map((entry) => {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const address = ipaddr.process(entry);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  });
}

function trusted(address: string, proxies: readonly Cidr[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return proxies.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The address a request came from, for failure tracking and the audit log. Behind load balancers
 * listed in TRUSTED_PROXIES it is the right-most `X-Forwarded-For` entry that is not one of them
 * (entries further left could be forged by the client); otherwise the socket peer.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, proxies: readonly Cidr[]): string {
  if (proxies.length === 0 || !trusted(peer, proxies)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((hop) => hop.trim()).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!trusted(hops[index], proxies)) return ipaddr.isValid(hops[index]) ? ipaddr.process(hops[index]).toString() : peer;
  }
  return peer;
}
