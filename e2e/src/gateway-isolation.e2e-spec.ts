import { authHeaders, createApiKey } from './support/auth';
import { api } from './support/http';
import { expectIsolated } from './support/isolation';

describe('tenant isolation through the gateway', () => {
  it("answers 404 to every request about another client's task, and never lists it", async () => {
    const owner = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
    const stranger = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
    const created = await api<{ id: string }>('POST', '/v1/tasks', { task_type: 'e2e.isolation' }, authHeaders(owner));
    expect(created.status).toBe(201);
    const id = created.body.id;

    await expectIsolated(owner, stranger, [
      { method: 'GET', path: `/v1/tasks/${id}` },
      { method: 'POST', path: `/v1/tasks/${id}/cancel`, body: {} },
      { method: 'POST', path: `/v1/tasks/${id}/retry`, body: {} },
    ]);
    const listed = await api<{ data: { id: string }[] }>('GET', '/v1/tasks?limit=200', undefined, authHeaders(stranger));
    expect(listed.body.data.map((task) => task.id)).not.toContain(id);
  });
});
