import { quoteIdentifier } from './migrations';

describe('quoteIdentifier', () => {
  it('quotes plain lowercase identifiers', () => {
    expect(quoteIdentifier('agent')).toBe('"agent"');
    expect(quoteIdentifier('messaging_test')).toBe('"messaging_test"');
  });

  it.each(['Agent', 'a-b', 'x"; DROP SCHEMA public; --', '1abc', ''])('refuses %p', (identifier) => {
    expect(() => quoteIdentifier(identifier)).toThrow('unsafe SQL identifier');
  });
});
