import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { LRUCache } from 'lru-cache';

/**
 * Cron arithmetic for schedules, delegated to cron-parser (5 or 6 fields, IANA time zones). The
 * fields are read in the schedule's local time, which fixes what happens around DST changes
 * (docs/scheduler-service.md, "DST policy"):
 * - spring gap: a local time that does not exist that day fires once, shifted forward by the
 *   length of the gap (02:30 in a 02:00→03:00 jump fires at 03:30); if that instant is also a
 *   fire time of its own, the two are one fire;
 * - autumn repeat: a fixed local time in the repeated hour fires once, at its first occurrence;
 *   schedules whose hour field is `*` (every hour, every n minutes) keep their rhythm through
 *   both passes of the repeated hour, so their interval never stretches to two hours.
 */
export interface CronSpec {
  expression: string;
  timeZone: string;
}

export interface CronProblem {
  field: 'cron_expression' | 'time_zone';
  message: string;
}

const FIELD_NAMES_5 = 'minute hour day-of-month month day-of-week';

/** The canonical IANA name of the zone (`europe/berlin` → `Europe/Berlin`), or undefined when it is not one. */
export function canonicalTimeZone(zone: string): string | undefined {
  // Offsets (`+01:00`) and `Local` are not IANA zones; Intl rejects the rest it does not know.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** What is wrong with the expression or zone; empty when the spec can fire. */
export function cronProblems(spec: CronSpec): CronProblem[] {
  const problems: CronProblem[] = [];
  if (!canonicalTimeZone(spec.timeZone)) {
    problems.push({ field: 'time_zone', message: `"${spec.timeZone}" is not an IANA time zone (such as UTC or Europe/Berlin)` });
  }
  const fields = spec.expression.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    problems.push({ field: 'cron_expression', message: `has ${fields.length} field(s); expected 5 (${FIELD_NAMES_5}) or 6 (second first)` });
    return problems;
  }
  try {
    CronExpressionParser.parse(spec.expression, { tz: 'UTC', currentDate: new Date(0) }).next();
  } catch (error) {
    problems.push({ field: 'cron_expression', message: `is not a valid cron expression: ${(error as Error).message}` });
  }
  return problems;
}

/**
 * Parsed expressions, reused: parsing costs about ten times as much as stepping, and a firing round
 * steps hundreds of schedules, most sharing a handful of expressions. Safe to share because every
 * use resets the expression and steps it synchronously.
 */
const parsed = new LRUCache<string, CronExpression>({ max: 10_000 });

function expressionAt(spec: CronSpec, at: Date): CronExpression {
  const key = `${spec.timeZone}\n${spec.expression}`;
  let expression = parsed.get(key);
  if (!expression) {
    expression = CronExpressionParser.parse(spec.expression, { tz: spec.timeZone, currentDate: at });
    parsed.set(key, expression);
  }
  expression.reset(at);
  return expression;
}

/** The first fire time strictly after `after`. */
export function nextFireTime(spec: CronSpec, after: Date): Date {
  const next = expressionAt(spec, after).next().toDate();
  // The firing loop advances by this; a library fault returning the same instant must not loop forever.
  if (next.getTime() <= after.getTime()) throw new Error(`cron-parser returned ${next.toISOString()} as the next fire time after ${after.toISOString()}`);
  return next;
}

/** The last fire time strictly before `before`. */
export function previousFireTime(spec: CronSpec, before: Date): Date {
  return expressionAt(spec, before).prev().toDate();
}

/**
 * The shortest gap, in seconds, between consecutive fire times from `from` on: how often the
 * schedule fires at its most frequent. It looks at up to `samples` fire times within `spanMs`
 * (default 8 days, so daily and weekly patterns show every gap they have); a schedule with more
 * fire times than that in the span fires often enough for the sample to show it.
 */
export function shortestGapSeconds(spec: CronSpec, from: Date, { samples = 500, spanMs = 8 * 86_400_000 } = {}): number {
  const expression = CronExpressionParser.parse(spec.expression, { tz: spec.timeZone, currentDate: from });
  const until = from.getTime() + spanMs;
  let previous: number | undefined;
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i += 1) {
    const time = expression.next().getTime();
    if (previous !== undefined) shortest = Math.min(shortest, (time - previous) / 1_000);
    if (time > until) break;
    previous = time;
  }
  return shortest;
}
