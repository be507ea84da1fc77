import { sleep } from './backoff';
import { isRepeatable, isRetryableStatus, retryDelayMs, type RetryOptions } from './retry-policy';

export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * Wraps `fetch` with the retry policy: 429 and 503 answers (503 only for repeatable requests) and
 * transport failures of repeatable requests are tried again, up to `maxAttempts`, after
 * `Retry-After` or a jittered backoff. Aborting the request's signal ends the waiting too. The
 * last answer is returned as it came, so the caller sees the final status and problem.
 */
export function retryingFetch(send: FetchFunction, options: RetryOptions, declaredIdempotent = false): FetchFunction {
  return async (request) => {
    const repeatable = isRepeatable(request, declaredIdempotent);
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        // A body can be read once: every attempt sends a copy and keeps the original for the next.
        response = await send(request.clone());
      } catch (error) {
        const delay = repeatable && !request.signal.aborted ? retryDelayMs(attempt, null, options) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, request.signal);
        continue;
      }
      const delay = isRetryableStatus(response.status, repeatable) ? retryDelayMs(attempt, response.headers.get('retry-after'), options) : undefined;
      if (delay === undefined) return response;
      await response.body?.cancel();
      await sleep(delay, request.signal);
    }
  };
}
