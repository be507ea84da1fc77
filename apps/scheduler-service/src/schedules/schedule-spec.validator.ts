import { ProblemException } from '@ains/platform';
import { canonicalTimeZone, cronProblems, shortestGapSeconds, type CronSpec } from './cron.policy';

/**
 * Checks a schedule's cron expression and time zone before it is stored: a usable expression, an
 * IANA zone, and no firing more often than the minimum interval. Each problem is a 422 field error
 * saying what is wrong. Returns the spec with the zone's canonical name.
 */
export function validatedCronSpec(spec: CronSpec, minIntervalSeconds: number, now: Date): CronSpec {
  const problems = cronProblems(spec);
  if (problems.length > 0) {
    throw ProblemException.unprocessable(`The schedule cannot be used: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`, problems);
  }
  const canonical = { expression: spec.expression.trim(), timeZone: canonicalTimeZone(spec.timeZone) ?? spec.timeZone };
  const gap = shortestGapSeconds(canonical, now);
  if (gap < minIntervalSeconds) {
    throw ProblemException.unprocessable(`The schedule fires every ${gap} s at its most frequent; the minimum interval is ${minIntervalSeconds} s.`, [
      { field: 'cron_expression', message: `fires every ${gap} s at its most frequent; the minimum is ${minIntervalSeconds} s` },
    ]);
  }
  return canonical;
}
