export interface CircuitBreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial request is let through. */
  openMs: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Stops sending requests to a service that keeps failing, so callers get a fast 503 instead of
 * queueing behind timeouts, and the service gets room to recover. After `openMs` one trial
 * request goes through (half-open): success closes the circuit, failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly settings: CircuitBreakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.settings.openMs ? 'half-open' : 'open';
  }

  /** Whether a request may go now; when not, how many ms until the next trial. */
  permit(): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const state = this.state;
    if (state === 'closed') return { allowed: true };
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return { allowed: true };
    }
    const retryAfterMs = this.openedAt === undefined ? 0 : Math.max(this.openedAt + this.settings.openMs - this.now(), 1);
    return { allowed: false, retryAfterMs: state === 'half-open' ? 1_000 : retryAfterMs };
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failed(): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.openedAt !== undefined || this.failures >= this.settings.failureThreshold) this.openedAt = this.now();
  }
}
