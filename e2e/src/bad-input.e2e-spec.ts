import { api } from './support/http';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe('bad input is answered with RFC 9457 problem details, never a 500', () => {
  const expectProblem = (response: { status: number; headers: Headers; body: unknown }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.stringMatching(/^https:\/\//) });
  };

  it('malformed JSON', async () => {
    const response = await api<Problem>('POST', '/v1/agents', '{"display_name": "x",');
    expectProblem(response, 400);
    expect(response.body.detail).toMatch(/not valid JSON/);
  });

  it('wrong types, naming each field', async () => {
    const response = await api<Problem>('POST', '/v1/agents', { display_name: 42, max_concurrency: 'many', capabilities: [{ name: 'python', version: 3 }] });
    expectProblem(response, 400);
    const fields = response.body.errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['display_name', 'max_concurrency', 'capabilities[0].version']));
  });

  it('unknown fields', async () => {
    const response = await api<Problem>('POST', '/v1/agents', { display_name: 'x', is_admin: true });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'is_admin' })]);
  });

  it('oversized bodies', async () => {
    const response = await api<Problem>('POST', '/v1/agents', { display_name: 'x', metadata: { blob: 'a'.repeat(1_100_000) } });
    expectProblem(response, 413);
  });

  it('a malformed id in the path', async () => {
    const response = await api<Problem>('GET', '/v1/agents/not-a-uuid');
    expectProblem(response, 400);
  });

  it('an unknown route', async () => {
    expectProblem(await api<Problem>('GET', '/v1/nothing-here'), 404);
  });
});
