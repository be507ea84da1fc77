/** One server-sent event: its `event` type (`message` when none was given), `id` and `data`. */
export interface ServerSentEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * Parses a `text/event-stream` body (WHATWG HTML, "server-sent events") as its chunks arrive:
 * events end at a blank line; `data` lines join with newlines; comment lines (`:`), `retry` and
 * unknown fields are skipped; a partial event at the end of a chunk waits for the next chunk.
 */
export class EventStreamParser {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  /** The events completed by this chunk. */
  push(chunk: Uint8Array): ServerSentEvent[] {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    const events: ServerSentEvent[] = [];
    let end: RegExpExecArray | null;
    const blankLine = /\r\n\r\n|\n\n|\r\r/g;
    let consumed = 0;
    while ((end = blankLine.exec(this.buffer)) !== null) {
      const event = parseBlock(this.buffer.slice(consumed, end.index));
      if (event) events.push(event);
      consumed = end.index + end[0].length;
    }
    this.buffer = this.buffer.slice(consumed);
    return events;
  }
}

function parseBlock(block: string): ServerSentEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, id, data: data.join('\n') } : undefined;
}
