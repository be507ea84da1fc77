import createClient, { type Client, type MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { AinsApiError } from './ains-api-error';
import type { AinsPath, Page, PageItem, PaginatedPath, ResponseBody, TaskDetail } from './api-types';
import { sleep } from './backoff';
import type { paths } from './generated/openapi';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry-policy';
import { retryingFetch, type FetchFunction } from './retrying-fetch';
import { isTaskFinished } from './task-status';

export interface AinsClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Sent as `X-API-Key` on every request. */
  apiKey: string;
  /** Retries of 429, 503 and transport failures; `false` turns them off. */
  retry?: Partial<RetryOptions> | false;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /** The `fetch` to send requests with (default: the global one). */
  fetch?: FetchFunction;
}

/** Options of one call besides the operation's own `params`, `body` and `headers`. */
export interface CallOptions {
  /**
   * Declares that sending this request twice has no further effect, so it is retried on 503 and
   * transport failures like GET, PUT, DELETE and requests with an `Idempotency-Key` are.
   */
  idempotent?: boolean;
  /** Aborts the request, and any wait between its attempts. */
  signal?: AbortSignal;
}

type Init<M extends HttpMethod, P extends AinsPath<M>> = MaybeOptionalInit<paths[P], M>;
/** The second argument: required exactly when the operation has required parameters or a required body. */
type InitArgs<I> = RequiredKeysOf<I> extends never ? [(I & CallOptions)?] : [I & CallOptions];
type LooseInit = { params?: { query?: Record<string, unknown> }; [option: string]: unknown } & CallOptions;
type LooseRequest = (method: HttpMethod, path: string, init?: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export interface WaitForTaskOptions {
  /** Give up after this long (default 5 minutes). */
  timeoutMs?: number;
  /** Time between polls (default 500 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * A typed client of the AINS REST API. The methods take an API path and its parameters exactly as
 * the generated OpenAPI types declare them, resolve with the success body, and reject with an
 * `AinsApiError` for problem answers:
 *
 * ```ts
 * const ains = new AinsClient({ url: 'http://127.0.0.1:8080', apiKey });
 * const task = await ains.post('/v1/tasks', { body: { task_type: 'summarize', input: { text } } });
 * for await (const agent of ains.paginate('/v1/agents', { params: { query: { status: 'online' } } })) …
 * ```
 *
 * `raw` is the underlying openapi-fetch client (same authentication and retries) for callers that
 * want the `Response` (status, headers) rather than an exception.
 */
export class AinsClient {
  readonly raw: Client<paths>;
  private readonly idempotentFetch: FetchFunction;

  constructor(options: AinsClientOptions) {
    const send = options.fetch ?? ((request: Request) => fetch(request));
    const retry: RetryOptions = options.retry === false ? { ...DEFAULT_RETRY_OPTIONS, maxAttempts: 1 } : { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.idempotentFetch = retryingFetch(send, retry, true);
    this.raw = createClient<paths>({
      baseUrl: options.url,
      headers: { ...options.headers, 'x-api-key': options.apiKey },
      fetch: retryingFetch(send, retry),
    });
  }

  get<P extends AinsPath<'get'>, I extends Init<'get', P>>(path: P, ...init: InitArgs<I>): Promise<ResponseBody<'get', P, I>> {
    return this.call('get', path, init[0]) as Promise<ResponseBody<'get', P, I>>;
  }

  post<P extends AinsPath<'post'>, I extends Init<'post', P>>(path: P, ...init: InitArgs<I>): Promise<ResponseBody<'post', P, I>> {
    return this.call('post', path, init[0]) as Promise<ResponseBody<'post', P, I>>;
  }

  put<P extends AinsPath<'put'>, I extends Init<'put', P>>(path: P, ...init: InitArgs<I>): Promise<ResponseBody<'put', P, I>> {
    return this.call('put', path, init[0]) as Promise<ResponseBody<'put', P, I>>;
  }

  patch<P extends AinsPath<'patch'>, I extends Init<'patch', P>>(path: P, ...init: InitArgs<I>): Promise<ResponseBody<'patch', P, I>> {
    return this.call('patch', path, init[0]) as Promise<ResponseBody<'patch', P, I>>;
  }

  delete<P extends AinsPath<'delete'>, I extends Init<'delete', P>>(path: P, ...init: InitArgs<I>): Promise<ResponseBody<'delete', P, I>> {
    return this.call('delete', path, init[0]) as Promise<ResponseBody<'delete', P, I>>;
  }

  /**
   * Every item of a cursor-paginated list, page after page: each request passes the previous
   * page's `next_cursor` as `cursor`, until it is null. `limit` in the query sets the page size.
   */
  async *paginate<P extends PaginatedPath, I extends Init<'get', P>>(path: P, ...init: InitArgs<I>): AsyncGenerator<PageItem<P>, void, undefined> {
    const options = (init[0] ?? {}) as LooseInit;
    let cursor = options.params?.query?.cursor as string | undefined;
    do {
      const page = (await this.call('get', path, { ...options, params: { ...options.params, query: { ...options.params?.query, cursor } } })) as Page<PageItem<P>>;
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
  }

  /** Polls a task until it has finished (see `isTaskFinished`) and returns it with its attempts. */
  async waitForTask(id: string, options: WaitForTaskOptions = {}): Promise<TaskDetail> {
    const { timeoutMs = 300_000, intervalMs = 500, signal } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const task = await this.get('/v1/tasks/{id}', { params: { path: { id } }, signal });
      if (isTaskFinished(task)) return task;
      if (Date.now() + intervalMs > deadline) throw new Error(`Task ${id} is still ${task.status} after ${timeoutMs} ms`);
      await sleep(intervalMs, signal);
    }
  }

  private async call(method: HttpMethod, path: string, init: object | undefined): Promise<unknown> {
    const { idempotent, ...options } = (init ?? {}) as LooseInit;
    const request = this.raw.request as unknown as LooseRequest;
    const { data, error, response } = await request(method, path, idempotent ? { ...options, fetch: this.idempotentFetch } : options);
    if (!response.ok) throw AinsApiError.fromResponse(response, error);
    return data;
  }
}

/** Same as `new AinsClient(options)`. */
export function createAinsClient(options: AinsClientOptions): AinsClient {
  return new AinsClient(options);
}
