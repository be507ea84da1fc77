import { findJsonLimitViolation } from './json-limits';

const limits = { maxDepth: 3, maxStringLength: 5 };

describe('findJsonLimitViolation', () => {
  it('accepts bodies within the limits', () => {
    expect(findJsonLimitViolation({ a: { b: ['12345'] } }, limits)).toBeUndefined();
    expect(findJsonLimitViolation(undefined, limits)).toBeUndefined();
    expect(findJsonLimitViolation(42, limits)).toBeUndefined();
  });

  it('names the field holding a too-long string', () => {
    expect(findJsonLimitViolation({ a: { b: ['ok', '123456'] } }, limits)).toEqual({ field: 'a.b[1]', message: 'is longer than 5 characters' });
  });

  it('names where the nesting goes too deep', () => {
    expect(findJsonLimitViolation({ a: { b: { c: {} } } }, limits)).toEqual({ field: 'a.b.c', message: 'nests deeper than 3 levels' });
    expect(findJsonLimitViolation({ a: { b: { c: 1 } } }, limits)).toBeUndefined();
  });

  it('checks field names too', () => {
    expect(findJsonLimitViolation({ toolongname: 1 }, limits)?.message).toMatch(/field name/);
  });

  it('copes with nesting far deeper than the call stack would', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findJsonLimitViolation(deep, { maxDepth: 32, maxStringLength: 10 })?.message).toMatch(/deeper than 32/);
  });
});
