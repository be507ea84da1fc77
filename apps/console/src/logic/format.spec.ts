import { formatAge, formatCount, formatDuration, formatPercent, formatTime, prettyJson } from './format';

describe('formatDuration', () => {
  it('picks a unit a person reads at a glance', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(4_200)).toBe('4.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3_600_000 + 60_000)).toBe('3 h 1 min');
    expect(formatDuration(50 * 3_600_000)).toBe('2 d 2 h');
  });
});

describe('formatAge and formatTime', () => {
  it('say how long ago and when, in UTC', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    expect(formatAge('2026-01-01T00:00:00Z', now)).toBe('1 min 0 s ago');
    expect(formatAge('2026-01-01T00:02:00Z', now)).toBe('in 1 min 0 s');
    expect(formatTime('2026-01-01T10:20:30.123Z')).toBe('2026-01-01 10:20:30 UTC');
    expect(formatTime(null)).toBe('—');
  });
});

describe('prettyJson', () => {
  it('indents and keeps small documents whole', () => {
    expect(prettyJson({ a: 1 })).toEqual({ text: '{\n  "a": 1\n}', truncated: false, length: 12 });
  });

  it('cuts large documents and says so', () => {
    const big = prettyJson({ text: 'x'.repeat(100) }, 40);
    expect(big.truncated).toBe(true);
    expect(big.text).toHaveLength(40);
    expect(big.length).toBeGreaterThan(100);
  });

  it('keeps markup as plain characters', () => {
    expect(prettyJson({ html: '<script>alert(1)</script>' }).text).toContain('<script>alert(1)</script>');
  });
});

describe('formatPercent and formatCount', () => {
  it('format rates and capped counts', () => {
    expect(formatPercent(0.9234)).toBe('92.3 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatCount(200, true)).toBe('200+');
    expect(formatCount(7, false)).toBe('7');
  });
});
