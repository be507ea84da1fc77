import { addressAllowed } from './address-allow-list';

describe('addressAllowed', () => {
  it('allows every address when the key has no ranges', () => {
    expect(addressAllowed('198.51.100.7', [])).toBe(true);
  });

  it.each([
    ['203.0.113.7', ['203.0.113.0/24'], true],
    ['203.0.114.7', ['203.0.113.0/24'], false],
    ['203.0.114.7', ['203.0.113.0/24', '203.0.114.0/24'], true],
    ['2001:db8::1', ['2001:db8::/32'], true],
    ['2001:db9::1', ['2001:db8::/32'], false],
    ['::ffff:203.0.113.7', ['203.0.113.0/24'], true],
    ['203.0.113.7', ['2001:db8::/32'], false],
    ['2001:db8::1', ['0.0.0.0/0'], false],
    ['not-an-address', ['0.0.0.0/0'], false],
  ])('%s against %j → %s', (address, cidrs, expected) => {
    expect(addressAllowed(address, cidrs)).toBe(expected);
  });
});
