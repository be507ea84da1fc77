import { isNewerOpening } from './assignment-signals';

describe('isNewerOpening', () => {
  const opening = (openedAt: bigint, streamId = 'b') => ({ streamId, openedAt });

  it('ends a stream for one opened after it, whenever its notification arrives', () => {
    expect(isNewerOpening(opening(2n), opening(1n))).toBe(true);
    expect(isNewerOpening(opening(1n), opening(2n))).toBe(false);
  });

  it('breaks a tie of opening times by stream id, so exactly one of two streams survives', () => {
    const [a, b] = [opening(5n, 'a'), opening(5n, 'b')];
    expect(isNewerOpening(b, a)).toBe(true);
    expect(isNewerOpening(a, b)).toBe(false);
  });
});
