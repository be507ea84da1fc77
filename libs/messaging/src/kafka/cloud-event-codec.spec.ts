import { fromKafkaMessage, MalformedMessageError, toKafkaHeaders } from './cloud-event-codec';

const attributes = {
  specversion: '1.0' as const,
  id: 'b3f1b0a2-5d2e-4f2e-9a55-1f5a4c1e0a01',
  source: '/ains/agent-service',
  type: 'ains.agent.registered.v1' as const,
  time: '2026-11-26T10:00:00.000Z',
  subject: 'agent-1',
  datacontenttype: 'application/json' as const,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

describe('CloudEvents binary mode on Kafka', () => {
  it('round-trips attributes through ce_* headers and data through the value', () => {
    const headers = toKafkaHeaders(attributes);
    expect(headers).toMatchObject({ ce_id: attributes.id, ce_type: attributes.type, 'content-type': 'application/json', traceparent: attributes.traceparent });
    const buffers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    const decoded = fromKafkaMessage(buffers, Buffer.from('{"a":1}'));
    expect(decoded.attributes).toMatchObject({ id: attributes.id, type: attributes.type, subject: 'agent-1', traceparent: attributes.traceparent });
    expect(decoded.data).toEqual({ a: 1 });
  });

  it('rejects messages without the required attributes or with a non-JSON value', () => {
    expect(() => fromKafkaMessage({}, '{}')).toThrow(MalformedMessageError);
    const headers = toKafkaHeaders(attributes);
    expect(() => fromKafkaMessage(headers, 'not json')).toThrow('not JSON');
    expect(() => fromKafkaMessage({ ...headers, ce_specversion: '0.3' }, '{}')).toThrow('specversion');
  });
});
