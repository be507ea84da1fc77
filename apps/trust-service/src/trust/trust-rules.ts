/**
 * The trust arithmetic, in basis points (1 bp = 0.0001) so that every score is an exact integer:
 * fifty successes from 0.5 reach exactly 1.0, never 0.9999999. Pure functions, no I/O.
 */
export const TRUST_SCALE = 10_000;
export const INITIAL_SCORE_BP = 5_000;

export type TrustTier = 'excellent' | 'good' | 'average' | 'below_average' | 'poor';

export type TaskOutcome = 'completed' | 'failed' | 'timed_out';

/** The seed's automatic adjustments: completed +0.02, failed −0.05, timed out −0.03. */
export const OUTCOME_DELTA_BP: Readonly<Record<TaskOutcome, number>> = { completed: 200, failed: -500, timed_out: -300 };

/**
 * The performance bonus (+0.01) is added to a successful completion when, counting that task,
 * more than 95 % of the agent's last 100 finished tasks succeeded, and at least 20 are in that
 * window (so a lucky first few tasks earn nothing extra).
 */
export const PERFORMANCE_BONUS_BP = 100;
export const BONUS_WINDOW_SIZE = 100;
export const BONUS_MIN_TASKS = 20;
/** Success rate strictly above 95/100, compared in integers. */
const BONUS_RATE_NUMERATOR = 95;
const BONUS_RATE_DENOMINATOR = 100;

/**
 * The agent's most recent finished tasks, oldest first, one character each: `1` completed,
 * `0` failed or timed out. At most BONUS_WINDOW_SIZE long.
 */
export type OutcomeWindow = string;

export interface ScoreState {
  scoreBp: number;
  window: OutcomeWindow;
}

export interface ScoreChange extends ScoreState {
  /** Actual change after clamping; 0 when the score sat at a bound. */
  deltaBp: number;
  bonusApplied: boolean;
  reason: string;
}

export function clampScore(scoreBp: number): number {
  return Math.min(TRUST_SCALE, Math.max(0, Math.round(scoreBp)));
}

/** Tiers from the product rules: Excellent 0.90–1.00, Good 0.70–0.89, Average 0.50–0.69, Below average 0.30–0.49, Poor below. */
export function tierOf(scoreBp: number): TrustTier {
  if (scoreBp >= 9_000) return 'excellent';
  if (scoreBp >= 7_000) return 'good';
  if (scoreBp >= 5_000) return 'average';
  if (scoreBp >= 3_000) return 'below_average';
  return 'poor';
}

/** The inclusive basis-point range of a tier, for range queries. */
export function tierRange(tier: TrustTier): { minBp: number; maxBp: number } {
  switch (tier) {
    case 'excellent':
      return { minBp: 9_000, maxBp: TRUST_SCALE };
    case 'good':
      return { minBp: 7_000, maxBp: 8_999 };
    case 'average':
      return { minBp: 5_000, maxBp: 6_999 };
    case 'below_average':
      return { minBp: 3_000, maxBp: 4_999 };
    case 'poor':
      return { minBp: 0, maxBp: 2_999 };
  }
}

export function toScore(scoreBp: number): number {
  return scoreBp / TRUST_SCALE;
}

export function recordOutcome(window: OutcomeWindow, succeeded: boolean): OutcomeWindow {
  return `${window}${succeeded ? '1' : '0'}`.slice(-BONUS_WINDOW_SIZE);
}

export function windowStats(window: OutcomeWindow): { successes: number; total: number } {
  let successes = 0;
  for (const outcome of window) if (outcome === '1') successes += 1;
  return { successes, total: window.length };
}

/** Success rate over the window, or null before the agent finished any task. */
export function successRate(window: OutcomeWindow): number | null {
  const { successes, total } = windowStats(window);
  return total === 0 ? null : successes / total;
}

export function qualifiesForBonus(window: OutcomeWindow): boolean {
  const { successes, total } = windowStats(window);
  return total >= BONUS_MIN_TASKS && successes * BONUS_RATE_DENOMINATOR > BONUS_RATE_NUMERATOR * total;
}

/** Applies one finished task to the agent's score and outcome window. */
export function applyTaskOutcome(state: ScoreState, outcome: TaskOutcome): ScoreChange {
  const window = recordOutcome(state.window, outcome === 'completed');
  const bonusApplied = outcome === 'completed' && qualifiesForBonus(window);
  const nominalBp = OUTCOME_DELTA_BP[outcome] + (bonusApplied ? PERFORMANCE_BONUS_BP : 0);
  const scoreBp = clampScore(state.scoreBp + nominalBp);
  const parts = [`task ${outcome.replace('_', ' ')} ${formatDelta(OUTCOME_DELTA_BP[outcome])}`];
  if (bonusApplied) {
    const { successes, total } = windowStats(window);
    parts.push(`performance bonus ${formatDelta(PERFORMANCE_BONUS_BP)} (${successes}/${total} of the last finished tasks succeeded)`);
  }
  if (scoreBp !== state.scoreBp + nominalBp) parts.push(`clamped to ${toScore(scoreBp)}`);
  return { scoreBp, window, deltaBp: scoreBp - state.scoreBp, bonusApplied, reason: parts.join(', ') };
}

export type Override = { kind: 'set'; scoreBp: number } | { kind: 'delta'; deltaBp: number };

/** A manual override: set the score or shift it, clamped to [0, 1]. */
export function applyOverride(scoreBp: number, override: Override): number {
  return clampScore(override.kind === 'set' ? override.scoreBp : scoreBp + override.deltaBp);
}

export function formatDelta(deltaBp: number): string {
  return `${deltaBp < 0 ? '-' : '+'}${toScore(Math.abs(deltaBp))}`;
}
