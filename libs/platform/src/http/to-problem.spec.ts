import { HttpException, NotFoundException } from '@nestjs/common';
import { ProblemException } from './problem';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  it('renders a ProblemException with its fields and headers', () => {
    const rendered = toProblem(ProblemException.serviceUnavailable('busy', 7), '/v1/tasks', 'req-1');
    expect(rendered.document).toMatchObject({ status: 503, title: 'Service unavailable', detail: 'busy', instance: '/v1/tasks', request_id: 'req-1' });
    expect(rendered.document.type).toMatch(/service-unavailable$/);
    expect(rendered.headers).toEqual({ 'retry-after': '7' });
  });

  it('maps Nest HTTP exceptions by status', () => {
    const rendered = toProblem(new NotFoundException('Cannot GET /nope'), '/nope');
    expect(rendered.document).toMatchObject({ status: 404, title: 'Not found', detail: 'Cannot GET /nope' });
    expect(rendered.unexpected).toBe(false);
  });

  it('keeps the status of framework errors that Nest wraps', () => {
    const rendered = toProblem(new HttpException('Request body is too large', 413), '/');
    expect(rendered.document).toMatchObject({ status: 413, title: 'Payload too large', detail: 'Request body is too large' });
    expect(rendered.document.type).toMatch(/payload-too-large$/);
  });

  it('answers Fastify client errors in our words, with their status', () => {
    const unsupported = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    const rendered = toProblem(unsupported, '/v1/tasks');
    expect(rendered.document).toMatchObject({ status: 415, title: 'Unsupported media type' });
    expect(rendered.document.type).toMatch(/unsupported-media-type$/);
    expect(rendered.document.detail).toContain('Content-Type: application/json');
    expect(rendered.unexpected).toBe(false);
  });

  it('never exposes the message of an unexpected error', () => {
    const rendered = toProblem(new Error('password=hunter2 at db.ts:12'), '/');
    expect(rendered.document.status).toBe(500);
    expect(JSON.stringify(rendered.document)).not.toContain('hunter2');
    expect(rendered.unexpected).toBe(true);
  });
});
