import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitFor } from '@ains/testing';
import { authHeaders, createApiKey } from './support/auth';
import { api } from './support/http';
import { SERVICE_PORTS } from './support/stack-env';

const observability = resolve(__dirname, '../../deploy/observability');

const scrape = async (port: number): Promise<string> => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

/** `promtool check metrics` on an exposition: its exit status and whatever it reported. */
function promtoolCheckMetrics(exposition: string): { status: number | null; report: string } {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('promtool is not installed: install the Debian package `prometheus` (it ships /usr/bin/promtool) or put promtool on the PATH');
  }
  if (result.error) throw result.error;
  return { status: result.status, report: `${result.stdout}${result.stderr}` };
}

/** A histogram's series carry suffixes; the metric is named without them. */
const metricName = (series: string) => series.replace(/_(bucket|sum|count)$/, '');

/** The `ains_*` metrics the alert rules (outside comments) and the dashboard's queries read. */
function metricsReadByAlertsAndDashboard(): string[] {
  const rules = readFileSync(resolve(observability, 'alerts.yml'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  const dashboard = JSON.parse(readFileSync(resolve(observability, 'grafana-dashboard.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
  const queries = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
  return [...new Set([rules, ...queries].flatMap((text) => text.match(/\bains_[a-z0-9_]+/g) ?? []).map(metricName))].sort();
}

/** Metrics with at least one sample in the exposition (a labelled counter never incremented has none). */
function sampledMetrics(exposition: string): Set<string> {
  return new Set(exposition.split('\n').flatMap((line) => (line.startsWith('#') ? [] : (/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line) ?? []).map(metricName))));
}

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

  it.each(Object.entries(SERVICE_PORTS))('%s exposes metrics that pass `promtool check metrics`', async (_name, port) => {
    expect(promtoolCheckMetrics(await scrape(port))).toEqual({ status: 0, report: '' });
  });

  it('exposes every metric the alert rules and the dashboard read, once tasks and agents come and go', async () => {
    const expected = metricsReadByAlertsAndDashboard();
    expect(expected.length).toBeGreaterThan(5);
    // Traffic, so events flow between the services: an agent and a task only it could take. The
    // assignment is not awaited: on a broker shared with other stacks, routing first replays theirs.
    const tag = `e2e-metrics-${randomUUID().slice(0, 8)}`;
    const client = await createApiKey({ scopes: ['tasks:read', 'tasks:write'] });
    const agent = await api<{ id: string }>('POST', '/v1/agents', { display_name: 'metrics traffic', tags: [tag] });
    expect(agent.status).toBe(201);
    const task = await api<{ id: string }>('POST', '/v1/tasks', { task_type: 'e2e.metrics', input: {}, routing: { required_tags: [tag] } }, authHeaders(client));
    expect(task.status).toBe(201);
    try {
      let missing = expected;
      await waitFor(
        async () => {
          const exposed = new Set<string>();
          for (const port of Object.values(SERVICE_PORTS)) for (const metric of sampledMetrics(await scrape(port))) exposed.add(metric);
          missing = expected.filter((metric) => !exposed.has(metric));
          return missing.length === 0;
        },
        { timeoutMs: 60_000, description: 'every metric of the alerts and the dashboard' },
      ).catch(() => undefined);
      // Names the metrics no service exposes.
      expect(missing).toEqual([]);
    } finally {
      await api('POST', `/v1/tasks/${task.body.id}/cancel`, { reason: 'metrics traffic done' }, authHeaders(client));
      await api('DELETE', `/v1/agents/${agent.body.id}`);
    }
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const base = `http://127.0.0.1:${SERVICE_PORTS['api-gateway']}`;
    const echoed = await fetch(`${base}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${base}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
