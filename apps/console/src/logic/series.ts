/** Time series the overview draws, from the task statistics and from samples taken while it is open. */

/** One minute of the stats endpoint's last hour. */
export interface StatsBucket {
  start: string;
  created: number;
  completed: number;
  failed: number;
}

export interface Point {
  at: number;
  value: number;
}

/** Adds up every `size` consecutive buckets (the last group may be shorter), each at its first bucket's start. */
export function groupBuckets(buckets: readonly StatsBucket[], size: number): StatsBucket[] {
  const groups: StatsBucket[] = [];
  for (let index = 0; index < buckets.length; index += size) {
    const slice = buckets.slice(index, index + size);
    groups.push({ start: slice[0].start, created: sum(slice, 'created'), completed: sum(slice, 'completed'), failed: sum(slice, 'failed') });
  }
  return groups;
}

function sum(buckets: readonly StatsBucket[], field: 'created' | 'completed' | 'failed'): number {
  return buckets.reduce((total, bucket) => total + bucket[field], 0);
}

/** Totals of the whole window. */
export function bucketTotals(buckets: readonly StatsBucket[]): { created: number; completed: number; failed: number } {
  return { created: sum(buckets, 'created'), completed: sum(buckets, 'completed'), failed: sum(buckets, 'failed') };
}

/** One line per field over the buckets. */
export function bucketSeries(buckets: readonly StatsBucket[], field: 'created' | 'completed' | 'failed'): Point[] {
  return buckets.map((bucket) => ({ at: Date.parse(bucket.start), value: bucket[field] }));
}

/** The failure rate of each bucket; buckets where nothing finished are left out rather than drawn as 0. */
export function failureRateSeries(buckets: readonly StatsBucket[]): Point[] {
  return buckets.flatMap((bucket) => {
    const rate = failureRate(bucket.completed, bucket.failed);
    return rate === null ? [] : [{ at: Date.parse(bucket.start), value: rate }];
  });
}

/** Failures as a fraction of finished tasks; null when nothing finished. */
export function failureRate(completed: number, failed: number): number | null {
  const finished = completed + failed;
  return finished === 0 ? null : failed / finished;
}

export interface Sample<K extends string> {
  at: number;
  values: Record<K, number>;
}

/** Appends a sample and drops the ones older than `windowMs` before it. */
export function appendSample<K extends string>(samples: readonly Sample<K>[], sample: Sample<K>, windowMs: number): Sample<K>[] {
  return [...samples.filter((existing) => existing.at > sample.at - windowMs), sample];
}
