/** Time series the overview draws, built from what the API lists. */

export interface Bucket {
  start: number;
  count: number;
}

/** Counts of `times` (ISO timestamps) in `buckets` equal slices of [from, to). */
export function bucketize(times: readonly string[], from: number, to: number, buckets: number): Bucket[] {
  const width = (to - from) / buckets;
  const result = Array.from({ length: buckets }, (_, index) => ({ start: from + index * width, count: 0 }));
  for (const time of times) {
    const at = Date.parse(time);
    if (!(at >= from && at < to)) continue;
    const bucket = result[Math.min(buckets - 1, Math.floor((at - from) / width))];
    if (bucket) bucket.count += 1;
  }
  return result;
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
