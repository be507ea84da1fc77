import { clientAddress, parseTrustedProxies } from './client-address';

describe('clientAddress', () => {
  const proxies = parseTrustedProxies(['10.0.0.0/8', '192.0.2.1']);

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.7', [])).toBe('203.0.113.5');
    expect(clientAddress('203.0.113.5', '198.51.100.7', proxies)).toBe('203.0.113.5');
  });

  it('is the right-most untrusted hop behind trusted proxies', () => {
    expect(clientAddress('10.1.2.3', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.1.2.3', '1.1.1.1, 198.51.100.7, 192.0.2.1', proxies)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:10.1.2.3', ['1.1.1.1', '198.51.100.7'], proxies)).toBe('198.51.100.7');
  });

  it('falls back to the peer when the header is missing, garbage or all proxies', () => {
    expect(clientAddress('10.1.2.3', undefined, proxies)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', 'not-an-ip', proxies)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', '10.9.9.9', proxies)).toBe('10.1.2.3');
  });

  it('rejects settings that are not addresses or ranges', () => {
    expect(() => parseTrustedProxies(['example.com'])).toThrow();
  });
});
