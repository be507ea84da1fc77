import { appendSample, bucketize, failureRate } from './series';

describe('bucketize', () => {
  it('counts each time in its slice and ignores times outside the window', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = from + 60 * 60_000;
    const buckets = bucketize(['2026-01-01T00:00:00Z', '2026-01-01T00:04:59Z', '2026-01-01T00:59:59Z', '2026-01-01T01:00:00Z', '2025-12-31T23:59:59Z'], from, to, 12);
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toEqual({ start: from, count: 2 });
    expect(buckets[11]!.count).toBe(1);
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(3);
  });
});

describe('failureRate', () => {
  it('is failures over finished tasks, and undefined with none', () => {
    expect(failureRate(3, 1)).toBe(0.25);
    expect(failureRate(0, 0)).toBeNull();
  });
});

describe('appendSample', () => {
  it('keeps only the window', () => {
    const samples = [{ at: 0, values: { queued: 1 } }, { at: 50, values: { queued: 2 } }];
    expect(appendSample(samples, { at: 120, values: { queued: 3 } }, 100).map((sample) => sample.at)).toEqual([50, 120]);
  });
});
