import { decodeCursor, encodeCursor } from './cursor';

describe('pagination cursors', () => {
  it('round-trips the sort key', () => {
    const cursor = encodeCursor(['2026-11-26T10:00:00.000Z', 'a1b2']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-26T10:00:00.000Z', 'a1b2']);
  });

  it.each(['', 'not-base64-json', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')])('rejects %p', (cursor) => {
    expect(decodeCursor(cursor, 2)).toBeUndefined();
  });
});
