import type { AinsClient, TaskStatus } from '@ains/sdk';

export const TASK_STATUSES: TaskStatus[] = ['pending', 'blocked', 'queued', 'assigned', 'running', 'completed', 'failed', 'timed_out', 'cancelled', 'dead_lettered'];

/** Pages read per count at most: the overview stays cheap however many tasks there are. */
const MAX_PAGES = 3;
const PAGE = 200;

export interface CappedList<T> {
  items: T[];
  /** True when there were more than `items`. */
  capped: boolean;
}

type AgentStatus = 'online' | 'offline' | 'draining' | 'deregistered';

/** The API lists agents but does not count them, so a count is read from up to MAX_PAGES pages of 200; beyond that it says "600+". */
export async function listAgentsCapped(client: AinsClient, status: AgentStatus) {
  const items = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.get('/v1/agents', { params: { query: { status, limit: PAGE, cursor } } });
    items.push(...answer.data);
    if (!answer.next_cursor) return { items, capped: false };
    cursor = answer.next_cursor;
  }
  return { items, capped: true };
}
