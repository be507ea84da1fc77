/**
 * What an agent with a public key signs for each `complete` and `fail` report, so that anyone
 * holding the key can later check that a result came from that agent, for that task and attempt.
 * Pure text (no crypto here): agents sign its UTF-8 bytes with Ed25519, task-service verifies them,
 * and a client may re-derive them from a task it read to verify a stored signature itself.
 *
 * ```text
 * ains-report-v1\n<type>\n<task id>\n<attempt>\n<canonical JSON of the payload>
 * ```
 *
 * - `type` is `complete` or `fail`, so a signature for one cannot be replayed as the other;
 * - the task id in its lowercase UUID form, the attempt as a decimal integer;
 * - the payload is `result` for `complete` and `{ "error", "retryable" }` for `fail`, after the
 *   API's defaults (an omitted `result` is `{}`, an omitted `retryable` is `true`);
 * - canonical JSON: no whitespace, object keys sorted by UTF-16 code units at every level, keys
 *   with undefined values left out, everything else as `JSON.stringify` writes it.
 *
 * The payload is the last line and the lines before it cannot hold a newline, so the text names
 * exactly one report.
 */
export const REPORT_SIGNATURE_VERSION = 'ains-report-v1';

export type SignedReport = { type: 'complete'; taskId: string; attempt: number; result: Record<string, unknown> } | { type: 'fail'; taskId: string; attempt: number; error: string; retryable: boolean };

/** The text whose UTF-8 bytes an agent signs for a report. */
export function reportSigningText(report: SignedReport): string {
  if (!Number.isSafeInteger(report.attempt) || report.attempt < 1) throw new RangeError(`attempt must be a positive integer, not ${report.attempt}`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(report.taskId)) throw new RangeError(`taskId must be a lowercase UUID, not ${report.taskId}`);
  const payload = report.type === 'complete' ? report.result : { error: report.error, retryable: report.retryable };
  return [REPORT_SIGNATURE_VERSION, report.type, report.taskId, String(report.attempt), canonicalJson(payload)].join('\n');
}

/** The UTF-8 bytes of `reportSigningText`: what Ed25519 signs and verifies. */
export function reportSigningBytes(report: SignedReport): Uint8Array {
  return new TextEncoder().encode(reportSigningText(report));
}

/** JSON with object keys sorted at every level and no whitespace, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
