import { SERVICE_PORTS } from './support/stack-env';

describe('every service can be operated', () => {
  it.each(Object.entries(SERVICE_PORTS))('%s answers /health, /ready and /metrics', async (_name, port) => {
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { status: string; info: Record<string, { status: string }> };
    expect(readiness.status).toBe('ok');
    expect(readiness.info.postgres?.status).toBe('up');
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('http_server_request_duration_seconds_bucket');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const base = `http://127.0.0.1:${SERVICE_PORTS['api-gateway']}`;
    const echoed = await fetch(`${base}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${base}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
