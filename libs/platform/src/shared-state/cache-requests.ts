import type { MetricsService } from '../metrics/metrics.service';

/** Counts one cache's lookups, for the hit-rate alert (`AinsCacheHitRateLow`). */
export interface CacheRequests {
  hit(): void;
  /** The value was not cached (or the cache could not be read) and came from the database. */
  miss(): void;
}

/** `ains_cache_requests_total{cache, result}`; both results start at 0, so rates exist from the first scrape. */
export function cacheRequests(metrics: MetricsService, cache: string): CacheRequests {
  const counter = metrics.counter({
    name: 'ains_cache_requests_total',
    help: 'Cache lookups by cache and result: hit, or miss (read from the database).',
    labelNames: ['cache', 'result'],
  });
  counter.inc({ cache, result: 'hit' }, 0);
  counter.inc({ cache, result: 'miss' }, 0);
  return { hit: () => counter.inc({ cache, result: 'hit' }), miss: () => counter.inc({ cache, result: 'miss' }) };
}
