/** Display helpers shared by every page; no DOM, so they are unit-tested directly. */

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1_000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** How long ago `iso` was, relative to `now`. */
export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const ms = now - Date.parse(iso);
  return ms < 0 ? `in ${formatDuration(-ms)}` : `${formatDuration(ms)} ago`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? '—' : `${(fraction * 100).toFixed(1)} %`;
}

export interface PrettyJson {
  text: string;
  /** True when `text` stops short of the whole document. */
  truncated: boolean;
  /** Length of the whole pretty-printed document, in characters. */
  length: number;
}

/**
 * Pretty-printed JSON cut at `maxChars`, so a 256 KB result cannot make the page unusable. The
 * caller renders it as text (never as HTML), so whatever the JSON holds stays inert.
 */
export function prettyJson(value: unknown, maxChars = 20_000): PrettyJson {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return text.length <= maxChars ? { text, truncated: false, length: text.length } : { text: text.slice(0, maxChars), truncated: true, length: text.length };
}

/** A count read from capped pages: `200+` when the cap was reached. */
export function formatCount(count: number, capped: boolean): string {
  return capped ? `${count}+` : String(count);
}

export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—';
}
