import { randomUUID } from 'node:crypto';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey } from './support/auth';
import { api, type JsonResponse } from './support/http';
import { e2eEnv, gatewayUrl } from './support/stack-env';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const expectProblem = (response: { status: number; headers: Headers; body: unknown }, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.stringMatching(/^https:\/\//) });
};

const fieldsOf = (response: JsonResponse<Problem>) => response.body.errors?.map((error) => error.field) ?? [];

/** A request outside the contract check of `api`: for answers no operation documents (405, 414, 431). */
async function raw(method: string, path: string, init: RequestInit = {}): Promise<JsonResponse<Problem>> {
  const response = await fetch(`${gatewayUrl}${path}`, { method, ...init, headers: { 'x-api-key': e2eEnv.BOOTSTRAP_ADMIN_API_KEY, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as Problem };
}

describe('text PostgreSQL cannot store is refused at the edge, naming the field', () => {
  it('in task input, labels, agent names and queries', async () => {
    const input = await api<Problem>('POST', '/v1/tasks', { task_type: 't', input: { s: 'a\u0000b' } });
    expectProblem(input, 400);
    expect(fieldsOf(input)).toEqual(['input.s']);

    // A lone surrogate cannot be produced by JSON.stringify of a valid string: send the escape itself.
    const labels = await api<Problem>('POST', '/v1/tasks', '{"task_type":"t","labels":{"k":"\\ud800"}}');
    expectProblem(labels, 400);
    expect(fieldsOf(labels)).toEqual(['labels.k']);

    const agent = await api<Problem>('POST', '/v1/agents', { display_name: 'a\u0000b' });
    expectProblem(agent, 400);
    expect(fieldsOf(agent)).toEqual(['display_name']);

    const query = await api<Problem>('GET', '/v1/tasks?task_type=%00');
    expectProblem(query, 400);
    expect(fieldsOf(query)).toEqual(['task_type']);
  });

  it('in an agent report, which changes nothing, so a clean report still completes the task', async () => {
    const tag = `edge-${randomUUID().slice(0, 8)}`;
    const agent = await api<{ id: string }>('POST', '/v1/agents', { display_name: 'edge agent', tags: [tag], max_concurrency: 1_000 });
    expect(agent.status).toBe(201);
    const client = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
    const worker = authHeaders(await createApiKey({ scopes: ['agent:work'], agentId: agent.body.id, clientId: client.clientId }));
    const task = await api<{ id: string }>('POST', '/v1/tasks', { task_type: 'edge.report', priority: 10, routing: { required_tags: [tag] } }, authHeaders(client));
    expect(task.status).toBe(201);

    await waitFor(
      async () => {
        const claimed = await api<{ data: { id: string }[] }>('POST', `/v1/agents/${agent.body.id}/claim`, { wait_ms: 1_000 }, worker);
        return claimed.body.data.some((claimedTask) => claimedTask.id === task.body.id);
      },
      // Routing may first hand this agent older tasks without requirements, hence its capacity and the priority.
      { timeoutMs: 80_000, description: 'the task to be assigned to the agent' },
    );
    expect((await api('POST', `/v1/tasks/${task.body.id}/start`, {}, worker)).status).toBe(200);

    for (const [operation, body, field] of [
      ['complete', '{"result":{"text":"a\\u0000b"}}', 'result.text'],
      ['progress', '{"progress":{"note":"\\udc00"}}', 'progress.note'],
      ['fail', '{"error":"broke\\u0000"}', 'error'],
    ] as const) {
      const refused = await api<Problem>('POST', `/v1/tasks/${task.body.id}/${operation}`, body, worker);
      expectProblem(refused, 400);
      expect(fieldsOf(refused)).toEqual([field]);
    }
    expect((await api<{ status: string }>('GET', `/v1/tasks/${task.body.id}`, undefined, authHeaders(client))).body.status).toBe('running');
    const completed = await api<{ status: string }>('POST', `/v1/tasks/${task.body.id}/complete`, { result: { text: 'ab' } }, worker);
    expect(completed.body.status).toBe('completed');
  });
});

describe('framework answers are problem documents that say what to do', () => {
  it('414 for a path segment past the limit', async () => {
    expectProblem(await raw('GET', `/v1/agents/${'a'.repeat(500)}`), 414);
  });

  it('431 for headers past the limit', async () => {
    expectProblem(await raw('GET', '/v1/agents', { headers: { 'x-padding': 'p'.repeat(40_000) } }), 431);
  });

  it('415 says to send JSON', async () => {
    const response = await api<Problem>('POST', '/v1/agents', 'display_name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expectProblem(response, 415);
    expect(response.body).toMatchObject({ title: 'Unsupported media type', type: 'https://ains.dev/problems/unsupported-media-type' });
    expect(response.body.detail).toContain('Content-Type: application/json');
  });

  it('405 with Allow for a known path asked with another method', async () => {
    const response = await raw('PUT', '/v1/tasks');
    expectProblem(response, 405);
    expect(response.headers.get('allow')).toBe('POST, GET, HEAD');
  });

  it('404 has one title, for unknown routes and unknown resources alike', async () => {
    const route = await raw('GET', '/v1/nothing-here');
    const resource = await api<Problem>('GET', `/v1/tasks/${randomUUID()}`);
    expectProblem(route, 404);
    expectProblem(resource, 404);
    expect(route.body.title).toBe('Not found');
    expect(resource.body.title).toBe('Not found');
  });

  it('a reserved webhook header name is named as reserved', async () => {
    const response = await api<Problem>('POST', '/v1/webhooks', { url: 'https://example.com/hook', event_types: ['*'], headers: { host: 'x' } });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'headers.host', message: 'is not an accepted field name: is reserved' }]);
  });
});
