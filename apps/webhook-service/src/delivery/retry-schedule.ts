const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `250ms`, `5s`, `30m`, `2h`, `5d` into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

/** Parses a comma-separated list of durations (the retry schedule); undefined when any is malformed. */
export function parseDurationList(text: string): number[] | undefined {
  const parts = text.split(',').map(parseDuration);
  return parts.every((part): part is number => part !== undefined) ? parts : undefined;
}

/**
 * The wait before the next attempt once `attemptsMade` attempts of the current cycle failed, or
 * null when the schedule is exhausted. Schedule entry i is the delay before retry i+1; the first
 * attempt is immediate. Jitter spreads each delay by ±`jitter` (a fraction) so endpoints that fail
 * together do not get retried in lockstep.
 */
export function nextRetryDelayMs(schedule: readonly number[], attemptsMade: number, jitter: number, random: () => number = Math.random): number | null {
  if (attemptsMade < 1 || attemptsMade > schedule.length) return null;
  const base = schedule[attemptsMade - 1];
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}
