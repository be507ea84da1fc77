import type { components } from './generated/openapi';
import { parseRetryAfterMs } from './retry-policy';

/** RFC 9457 problem details, the body of every AINS error answer. */
export type Problem = components['schemas']['Problem'];

/**
 * An error answer from AINS, with its problem details. `type` is a stable URI to branch on
 * (`https://ains.dev/problems/not-found`, …); `errors` names each invalid field of a 400.
 */
export class AinsApiError extends Error {
  override readonly name = 'AinsApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly errors: readonly { field: string; message: string }[];
  /** The gateway's request id, to find the request in the logs. */
  readonly requestId: string | undefined;
  /** What `Retry-After` asked for, in milliseconds, when the answer had one. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, problem: Partial<Problem>, headers?: Headers) {
    const title = problem.title ?? `HTTP ${status}`;
    super(problem.detail ? `${status} ${title}: ${problem.detail}` : `${status} ${title}`);
    this.status = status;
    this.type = problem.type ?? 'about:blank';
    this.title = title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.requestId = problem.request_id ?? headers?.get('x-request-id') ?? undefined;
    this.retryAfterMs = parseRetryAfterMs(headers?.get('retry-after') ?? null);
  }

  /** From an error answer and its parsed body; a body that is not problem details (a proxy's page) keeps only the status. */
  static fromResponse(response: Response, body: unknown): AinsApiError {
    const problem = isProblemLike(body) ? body : { title: response.statusText || undefined, detail: typeof body === 'string' && body ? body.slice(0, 500) : undefined };
    return new AinsApiError(response.status, problem, response.headers);
  }
}

function isProblemLike(body: unknown): body is Partial<Problem> {
  return typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'string';
}
