import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from './clock';
import { MINUTE_MS, SlidingWindowLimiter, type WindowLimits, type WindowVerdict } from './sliding-window';
import { consumeWindow, type WindowLogs } from './sliding-window-log';

export interface InMemorySlidingWindowOptions {
  /**
   * Most request times kept, over all keys (8 bytes each). Beyond it the least recently used keys
   * are forgotten, and so admitted afresh: the bound is what trades memory for exactness.
   */
  maxRequestsRemembered: number;
}

/** The limiter in this process: each key's logs in an LRU, dropped a minute after their last request. */
export class InMemorySlidingWindowLimiter extends SlidingWindowLimiter {
  private readonly logs: LRUCache<string, WindowLogs>;

  constructor(
    options: InMemorySlidingWindowOptions,
    private readonly clock: Clock = systemClock,
  ) {
    super();
    this.logs = new LRUCache({
      maxSize: options.maxRequestsRemembered,
      sizeCalculation: (logs) => logs.minute.length + logs.second.length + 1,
      ttl: MINUTE_MS,
      ttlResolution: 0,
      perf: clock,
    });
  }

  async consume(key: string, limits: WindowLimits): Promise<WindowVerdict> {
    const logs = this.logs.get(key) ?? { minute: [], second: [] };
    const verdict = consumeWindow(logs, limits, this.clock.now());
    // Stored anew after counting, so the LRU re-measures its size (it does not for the same
    // object) and the key's minute runs from this request.
    if (verdict.admitted) this.logs.set(key, { minute: logs.minute, second: logs.second });
    return verdict;
  }
}
