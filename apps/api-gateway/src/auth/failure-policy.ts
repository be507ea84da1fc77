export interface FailurePolicySettings {
  slowdownAfter: number;
  slowdownStepMs: number;
  slowdownMaxMs: number;
  lockoutAfter: number;
}

export interface FailureResponse {
  /** How long to hold the 401 back: each failure past the threshold costs the guesser more time. */
  delayMs: number;
  /** This failure locks the address out. */
  lockout: boolean;
}

/** What the `count`-th failed authentication from one address within the window leads to. */
export function respondToFailure(count: number, settings: FailurePolicySettings): FailureResponse {
  const excess = count - settings.slowdownAfter;
  const delayMs = excess > 0 ? Math.min(excess * settings.slowdownStepMs, settings.slowdownMaxMs) : 0;
  return { delayMs, lockout: count >= settings.lockoutAfter };
}
