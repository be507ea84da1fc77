import { appendSample, bucketSeries, bucketTotals, failureRate, failureRateSeries, groupBuckets } from './series';

const minute = (index: number, created: number, completed: number, failed: number) => ({ start: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(), created, completed, failed });

describe('groupBuckets', () => {
  it('adds up consecutive minutes, the last group possibly shorter', () => {
    const buckets = [minute(0, 1, 0, 0), minute(1, 2, 1, 0), minute(2, 0, 3, 1), minute(3, 4, 0, 2), minute(4, 0, 0, 0)];
    expect(groupBuckets(buckets, 2)).toEqual([minute(0, 3, 1, 0), minute(2, 4, 3, 3), minute(4, 0, 0, 0)]);
    expect(bucketTotals(buckets)).toEqual({ created: 7, completed: 4, failed: 3 });
  });
});

describe('bucketSeries and failureRateSeries', () => {
  it('draw a field per bucket, and the failure rate only where something finished', () => {
    const buckets = [minute(0, 1, 3, 1), minute(1, 0, 0, 0), minute(2, 0, 0, 2)];
    expect(bucketSeries(buckets, 'completed')).toEqual([
      { at: Date.UTC(2026, 0, 1, 0, 0), value: 3 },
      { at: Date.UTC(2026, 0, 1, 0, 1), value: 0 },
      { at: Date.UTC(2026, 0, 1, 0, 2), value: 0 },
    ]);
    expect(failureRateSeries(buckets)).toEqual([
      { at: Date.UTC(2026, 0, 1, 0, 0), value: 0.25 },
      { at: Date.UTC(2026, 0, 1, 0, 2), value: 1 },
    ]);
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
