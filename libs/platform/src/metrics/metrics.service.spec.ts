import { Counter } from 'prom-client';
import { MetricsService } from './metrics.service';

describe('MetricsService', () => {
  it('names no gauge like a counter, keeping the per-type gauges the removed totals add up', async () => {
    const { registry } = new MetricsService();
    const names = (await registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names.filter((name) => name.endsWith('_total') && !(registry.getSingleMetric(name) instanceof Counter))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['process_cpu_seconds_total', 'nodejs_active_handles', 'nodejs_active_requests', 'nodejs_active_resources']));
  });
});
