import { randomBytes } from 'node:crypto';
import { waitFor } from '@ains/testing';
import type { CollectedSpan } from './support/otlp-collector';
import { api } from './support/http';
import { otlpCollectorUrl } from './support/stack-env';

async function spansOf(traceId: string): Promise<CollectedSpan[]> {
  const response = await fetch(`${otlpCollectorUrl}/spans`);
  return ((await response.json()) as CollectedSpan[]).filter((span) => span.traceId === traceId);
}

describe('tracing', () => {
  it('carries one trace from the gateway request through Kafka into a consumer of another service', async () => {
    const traceId = randomBytes(16).toString('hex');
    const created = await api<{ id: string }>('POST', '/v1/agents', { display_name: 'traced-agent' }, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    expect(created.status).toBe(201);

    const trace = await waitFor(
      async () => {
        // Each service exports its spans in its own batches: wait until all three have arrived.
        const spans = await spansOf(traceId);
        const consumer = spans.some((s) => s.service === 'trust-service' && s.name === 'consume ains.agent.registered.v1');
        const servers = ['api-gateway', 'agent-service'].every((service) => spans.some((s) => s.service === service && s.kind === 2));
        return consumer && servers ? spans : undefined;
      },
      { timeoutMs: 30_000, description: 'the gateway and agent-service server spans and the trust-service consumer span in the request trace' },
    );
    const SERVER = 2;
    expect(trace.some((s) => s.service === 'api-gateway' && s.kind === SERVER)).toBe(true);
    expect(trace.some((s) => s.service === 'agent-service' && s.kind === SERVER)).toBe(true);
    expect([...new Set(trace.map((s) => s.service))]).toEqual(expect.arrayContaining(['api-gateway', 'agent-service', 'trust-service']));
  });
});
