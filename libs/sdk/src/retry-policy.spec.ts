import { backoffDelayMs } from './backoff';
import { isRepeatable, isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryOptions } from './retry-policy';

const options: RetryOptions = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('3')).toBe(3_000);
    expect(parseRetryAfterMs(' 0 ')).toBe(0);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon')).toBeUndefined();
    expect(parseRetryAfterMs('-1')).toBeUndefined();
    expect(parseRetryAfterMs(null)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('waits what Retry-After asks for', () => {
    expect(retryDelayMs(1, '1', options)).toBe(1_000);
  });

  it('gives up when the server asks for longer than maxDelayMs, or after the last attempt', () => {
    expect(retryDelayMs(1, '2', options)).toBeUndefined();
    expect(retryDelayMs(4, '0', options)).toBeUndefined();
    expect(retryDelayMs(4, null, options)).toBeUndefined();
  });

  it('backs off exponentially with jitter without Retry-After', () => {
    expect(retryDelayMs(1, null, options, () => 0)).toBe(50);
    expect(retryDelayMs(1, null, options, () => 1)).toBe(100);
    expect(retryDelayMs(3, null, options, () => 1)).toBe(400);
  });
});

describe('backoffDelayMs', () => {
  it('draws between half the ceiling and the ceiling, which doubles up to the maximum', () => {
    const bounds = { baseMs: 200, maxMs: 1_000 };
    for (const [attempt, ceiling] of [[1, 200], [2, 400], [3, 800], [4, 1_000], [10, 1_000]]) {
      expect(backoffDelayMs(attempt, bounds, () => 0)).toBe(ceiling / 2);
      expect(backoffDelayMs(attempt, bounds, () => 0.999_999)).toBe(ceiling);
    }
  });
});

describe('which requests are retried', () => {
  const request = (method: string, headers: Record<string, string> = {}) => new Request('http://ains.test/v1/tasks', { method, headers });

  it('treats idempotent methods, Idempotency-Key and declared requests as repeatable', () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) expect(isRepeatable(request(method))).toBe(true);
    expect(isRepeatable(request('POST'))).toBe(false);
    expect(isRepeatable(request('PATCH'))).toBe(false);
    expect(isRepeatable(request('POST', { 'Idempotency-Key': 'order-1' }))).toBe(true);
    expect(isRepeatable(request('POST'), true)).toBe(true);
  });

  it('retries 429 always, 503 only when repeatable, and nothing else', () => {
    expect(isRetryableStatus(429, false)).toBe(true);
    expect(isRetryableStatus(503, true)).toBe(true);
    expect(isRetryableStatus(503, false)).toBe(false);
    for (const status of [400, 404, 409, 500, 502, 504]) expect(isRetryableStatus(status, true)).toBe(false);
  });
});
