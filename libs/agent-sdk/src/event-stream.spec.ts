import { EventStreamParser } from './event-stream';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('EventStreamParser', () => {
  it('returns each event once its blank line arrives, across chunks, skipping comments', () => {
    const parser = new EventStreamParser();
    expect(parser.push(bytes(': assignments\n\nevent: assignment\nid: t1:1\nda'))).toEqual([]);
    expect(parser.push(bytes('ta: {"id":"t1"}\n\n: keep-alive\n\nevent: assignment\r\nid: t2:1\r\ndata: {"id":"t2"}\r\n\r\n'))).toEqual([
      { event: 'assignment', id: 't1:1', data: '{"id":"t1"}' },
      { event: 'assignment', id: 't2:1', data: '{"id":"t2"}' },
    ]);
  });

  it('joins data lines and names an untyped event message', () => {
    expect(new EventStreamParser().push(bytes('data: a\ndata:b\nretry: 10\n\n'))).toEqual([{ event: 'message', id: undefined, data: 'a\nb' }]);
  });

  it('keeps a character split between chunks whole', () => {
    const parser = new EventStreamParser();
    const text = bytes('data: é\n\n');
    expect(parser.push(text.slice(0, 7))).toEqual([]);
    expect(parser.push(text.slice(7))).toEqual([{ event: 'message', id: undefined, data: 'é' }]);
  });
});
