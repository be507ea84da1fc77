import type { FetchFunction, Task } from '@ains/sdk';
import { EventStreamParser } from './event-stream';

/**
 * How a stream ended: `unavailable`, the platform does not offer it (404, 405); `refused`, another
 * answer than 200, or no connection; `dropped`, it was open and ended or went silent; `stopped`,
 * the agent is stopping.
 */
export type StreamEnd = 'unavailable' | 'refused' | 'dropped' | 'stopped';

export interface AssignmentStreamOptions {
  url: string;
  apiKey: string;
  agentId: string;
  /** The agent's capacity: the service counts the tasks it runs against it. */
  slots: number;
  fetch: FetchFunction;
  /** Aborted when the agent stops. */
  signal: AbortSignal;
  /** Ends a stream on which nothing, not even a keep-alive comment (every 15 s), arrived for this long. */
  idleTimeoutMs: number;
  onOpen: () => void;
  onTask: (task: Task) => void;
}

/**
 * Reads the agent's assignment stream (`GET /v1/agents/{agentId}/assignments`) until it ends: each
 * `assignment` event is a task the service has already claimed and started for this agent.
 */
export async function readAssignmentStream(options: AssignmentStreamOptions): Promise<StreamEnd> {
  // A stop or a silence ends the read by cancelling the body's reader itself. Aborting the request's
  // signal is not enough once the answer has arrived: nothing holds the Request any more, so a
  // garbage collection takes the controller behind its signal and the abort never reaches the
  // connection (the stream would stay open forever). The stop signal's listener holds what it needs
  // for as long as the read lasts.
  const ending = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let idle = false;
  const endRead = (reason: unknown): void => {
    ending.abort(reason);
    reader?.cancel(reason).catch(() => undefined);
  };
  const onStop = (): void => endRead(options.signal.reason);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stillAlive = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle = true;
      endRead(new Error(`nothing arrived on the assignment stream for ${options.idleTimeoutMs} ms`));
    }, options.idleTimeoutMs);
  };
  const address = `${options.url.replace(/\/+$/, '')}/v1/agents/${encodeURIComponent(options.agentId)}/assignments?slots=${options.slots}`;
  let opened = false;
  if (options.signal.aborted) return 'stopped';
  options.signal.addEventListener('abort', onStop, { once: true });
  stillAlive();
  try {
    const response = await options.fetch(new Request(address, { headers: { 'x-api-key': options.apiKey, accept: 'text/event-stream' }, signal: ending.signal }));
    if (response.status === 404 || response.status === 405) return endWith(response, 'unavailable');
    if (response.status !== 200 || !response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) return endWith(response, 'refused');
    reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    if (ending.signal.aborted) await reader.cancel(ending.signal.reason);
    opened = true;
    options.onOpen();
    const parser = new EventStreamParser();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      stillAlive();
      for (const event of parser.push(chunk.value)) {
        if (event.event === 'assignment') options.onTask(JSON.parse(event.data) as Task);
      }
    }
    return options.signal.aborted ? 'stopped' : 'dropped';
  } catch {
    if (options.signal.aborted) return 'stopped';
    return opened || idle ? 'dropped' : 'refused';
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onStop);
  }
}

async function endWith(response: Response, end: StreamEnd): Promise<StreamEnd> {
  await response.body?.cancel().catch(() => undefined);
  return end;
}
