import { checkAddress, checkAddresses, destinationPolicy } from './destination-policy';

const closed = destinationPolicy(false, []);

describe('destination policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.10.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['224.0.0.1', 'multicast'],
  ])('refuses %s as %s by default', (address, kind) => {
    expect(checkAddress(address, closed)).toEqual({ allowed: false, reason: `${address} is a ${kind} address` });
  });

  it('accepts global unicast addresses', () => {
    expect(checkAddress('93.184.216.34', closed)).toEqual({ allowed: true });
    expect(checkAddress('2606:2800:220:1:248:1893:25c8:1946', closed)).toEqual({ allowed: true });
  });

  it('refuses cloud metadata addresses even when private destinations are allowed', () => {
    const open = destinationPolicy(true, ['169.254.0.0/16']);
    for (const address of ['169.254.169.254', 'fd00:ec2::254', '::ffff:169.254.169.254']) {
      expect(checkAddress(address, open)).toMatchObject({ allowed: false, reason: expect.stringContaining('metadata') });
    }
  });

  it('opens private ranges only when configured', () => {
    expect(checkAddress('10.0.0.5', destinationPolicy(true, []))).toEqual({ allowed: true });
    expect(checkAddress('0.0.0.0', destinationPolicy(true, [])).allowed).toBe(false);
  });

  it('opens exactly the allow-listed ranges', () => {
    const loopbackOnly = destinationPolicy(false, ['127.0.0.1/32']);
    expect(checkAddress('127.0.0.1', loopbackOnly)).toEqual({ allowed: true });
    expect(checkAddress('127.0.0.2', loopbackOnly).allowed).toBe(false);
    expect(checkAddress('::1', loopbackOnly).allowed).toBe(false);
  });

  it('refuses a host when any of its addresses is refused', () => {
    expect(checkAddresses(['93.184.216.34', '10.0.0.1'], closed)).toEqual({ allowed: false, reason: '10.0.0.1 is a private address' });
    expect(checkAddresses([], closed).allowed).toBe(false);
  });
});
