import { randomHex } from './random-hex';

describe('randomHex', () => {
  it('returns the requested number of bytes as lowercase hex', () => {
    for (const bytes of [1, 6, 8, 16, 64]) expect(randomHex(bytes)).toMatch(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
  });

  it('never repeats an id across pool refills', () => {
    // 2,000 × 16 bytes is several refills of the 4 KiB pool.
    const ids = Array.from({ length: 2_000 }, () => randomHex(16));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses sizes outside 1..64', () => {
    for (const bytes of [0, -1, 65, 1.5]) expect(() => randomHex(bytes)).toThrow(RangeError);
  });
});
