/** An RFC 9457 problem details document. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level validation errors; `field` is a dotted path such as `capabilities[0].version`. */
  errors?: FieldError[];
  request_id?: string;
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const PROBLEM_TYPE_BASE = 'https://ains.dev/problems/';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

export interface ProblemInit {
  status: number;
  title: string;
  /** Short slug naming the kind of problem, e.g. `validation-error`; becomes the `type` URI. */
  type: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

/** Thrown anywhere in request handling to answer with a specific problem+json response. */
export class ProblemException extends Error {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }

  static badRequest(detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException({ status: 400, type: 'validation-error', title: 'Invalid request', detail, errors });
  }

  static notFound(what: string): ProblemException {
    return new ProblemException({ status: 404, type: 'not-found', title: 'Not found', detail: `${what} was not found.` });
  }

  static conflict(detail: string): ProblemException {
    return new ProblemException({ status: 409, type: 'conflict', title: 'Conflict', detail });
  }

  static unprocessable(detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException({ status: 422, type: 'unprocessable', title: 'Unprocessable request', detail, errors });
  }

  static serviceUnavailable(detail: string, retryAfterSeconds: number): ProblemException {
    return new ProblemException({
      status: 503,
      type: 'service-unavailable',
      title: 'Service unavailable',
      detail,
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}
