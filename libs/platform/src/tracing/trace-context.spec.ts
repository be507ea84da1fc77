import { childTraceparent, newTraceparent, parseTraceparent, traceIdOf } from './trace-context';

describe('W3C trace context', () => {
  it('accepts a valid traceparent and rejects malformed or all-zero ids', () => {
    const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(parseTraceparent(valid)).toBe(valid);
    expect(parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeUndefined();
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBeUndefined();
    expect(parseTraceparent('garbage')).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });

  it('keeps the trace id and flags in a child span and changes the span id', () => {
    const parent = newTraceparent();
    const child = childTraceparent(parent);
    expect(parseTraceparent(child)).toBe(child);
    expect(traceIdOf(child)).toBe(traceIdOf(parent));
    expect(child.slice(36, 52)).not.toBe(parent.slice(36, 52));
    expect(child.endsWith('-01')).toBe(true);
  });
});
