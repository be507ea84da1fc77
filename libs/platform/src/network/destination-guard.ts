import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { checkAddresses, type DestinationPolicy } from './destination-policy';

/** The destination resolves to an address webhooks may not reach. */
export class DestinationRefusedError extends Error {
  override readonly name = 'DestinationRefusedError';
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Resolves a host to every address it has and checks each against the policy. Refuses the host
 * when any address is refused, when it does not resolve, or when it has no address.
 */
export async function resolveDestination(hostname: string, policy: DestinationPolicy): Promise<ResolvedAddress[]> {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new DestinationRefusedError(`${host} does not resolve (${(error as { code?: string }).code ?? 'lookup failed'})`);
    }
  }
  const verdict = checkAddresses(
    addresses.map((entry) => entry.address),
    policy,
  );
  if (!verdict.allowed) throw new DestinationRefusedError(`${host} is refused: ${verdict.reason}`);
  return addresses;
}

/**
 * A `lookup` for sockets that resolves and checks in one step, so the connection goes to exactly
 * the address that was checked: a DNS answer that changes between a check and the connect (DNS
 * rebinding) cannot slip a private address in.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveDestination(hostname, policy).then(
      (addresses) => {
        const usable = options.family ? addresses.filter((entry) => entry.family === options.family) : addresses;
        if (usable.length === 0) {
          callback(new DestinationRefusedError(`${hostname} has no IPv${options.family} address`), '', 0);
        } else if (options.all) {
          (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}
