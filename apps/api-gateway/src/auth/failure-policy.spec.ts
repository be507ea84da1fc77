import { respondToFailure } from './failure-policy';

const settings = { slowdownAfter: 3, slowdownStepMs: 100, slowdownMaxMs: 250, lockoutAfter: 6 };

describe('respondToFailure', () => {
  it('answers the first failures at once', () => {
    expect([1, 2, 3].map((count) => respondToFailure(count, settings))).toEqual([
      { delayMs: 0, lockout: false },
      { delayMs: 0, lockout: false },
      { delayMs: 0, lockout: false },
    ]);
  });

  it('slows down each further failure, up to the maximum', () => {
    expect([4, 5, 6, 9].map((count) => respondToFailure(count, settings).delayMs)).toEqual([100, 200, 250, 250]);
  });

  it('locks out from the threshold on', () => {
    expect(respondToFailure(5, settings).lockout).toBe(false);
    expect(respondToFailure(6, settings).lockout).toBe(true);
    expect(respondToFailure(7, settings).lockout).toBe(true);
  });
});
