import { authHeaders, type TestApiKey } from './auth';
import { api } from './http';

export interface ResourceRequest {
  method: string;
  path: string;
  body?: unknown;
}

/**
 * Tenant isolation, for any resource: every request that its owner may make about it, another
 * client must get 404 for (not 403: another tenant's ids do not exist for you). Read-only
 * requests are checked for the owner too, so the test cannot pass on a resource nobody can see.
 * Returns the stranger's statuses, for the failure message.
 */
export async function expectIsolated(owner: TestApiKey, stranger: TestApiKey, requests: ResourceRequest[]): Promise<void> {
  for (const request of requests.filter((r) => r.method === 'GET')) {
    const own = await api(request.method, request.path, request.body, authHeaders(owner));
    expect({ request, status: own.status }).toEqual({ request, status: 200 });
  }
  for (const request of requests) {
    const foreign = await api(request.method, request.path, request.body, authHeaders(stranger));
    expect({ request, status: foreign.status }).toEqual({ request, status: 404 });
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
  }
}
