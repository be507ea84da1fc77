import { findUnsafeText, isUnsafeText } from './unsafe-text';

describe('unsafe text', () => {
  it('refuses NUL and unpaired surrogates, in values and in field names', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true);
    expect(isUnsafeText('\uD800')).toBe(true);
    expect(isUnsafeText('x\uDC00')).toBe(true);
    expect(findUnsafeText({ input: { list: ['ok', 'a\u0000b'] } })?.field).toBe('input.list[1]');
    expect(findUnsafeText({ labels: { '\uD800': 'v' } })?.field).toBe('labels');
    expect(findUnsafeText('\uDBFF')?.field).toBe('(body)');
  });

  it('accepts any well-formed text, astral characters included', () => {
    expect(findUnsafeText({ name: 'émoji 😀 中文 \u0001 \uFFFF', n: 1, none: null })).toBeUndefined();
  });
});
