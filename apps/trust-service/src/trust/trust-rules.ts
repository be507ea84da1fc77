/**
 * The trust arithmetic, in basis points (1 bp = 0.0001) so that every score is an exact integer:
 * fifty successes from 0.5 reach exactly 1.0, never 0.9999999.
 */
export const TRUST_SCALE = 10_000;
export const INITIAL_SCORE_BP = 5_000;

export type TrustTier = 'excellent' | 'good' | 'average' | 'below_average' | 'poor';

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

export function toScore(scoreBp: number): number {
  return scoreBp / TRUST_SCALE;
}
