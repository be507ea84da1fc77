/**
 * Pages live in the URL's fragment (`#/tasks/<id>`): the server serves one page, links and the
 * back button work, and nothing secret is ever part of the address.
 */
export type Route =
  | { page: 'overview' }
  | { page: 'tasks' }
  | { page: 'task'; id: string }
  | { page: 'agents' }
  | { page: 'agent'; id: string }
  | { page: 'schedules' }
  | { page: 'schedule'; id: string }
  | { page: 'webhooks' }
  | { page: 'webhook'; id: string }
  | { page: 'api-keys' }
  | { page: 'audit-log' }
  | { page: 'not-found' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LISTS = { tasks: 'task', agents: 'agent', schedules: 'schedule', webhooks: 'webhook' } as const;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { page: 'not-found' };
  if (first === undefined) return { page: 'overview' };
  if (second === undefined) {
    if (first === 'overview' || first === 'api-keys' || first === 'audit-log') return { page: first };
    if (first in LISTS) return { page: first as keyof typeof LISTS };
    return { page: 'not-found' };
  }
  if (first in LISTS && UUID.test(second)) return { page: LISTS[first as keyof typeof LISTS], id: second.toLowerCase() };
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'task':
      return `#/tasks/${route.id}`;
    case 'agent':
      return `#/agents/${route.id}`;
    case 'schedule':
      return `#/schedules/${route.id}`;
    case 'webhook':
      return `#/webhooks/${route.id}`;
    case 'not-found':
      return '#/';
    case 'overview':
    case 'tasks':
    case 'agents':
    case 'schedules':
    case 'webhooks':
    case 'api-keys':
    case 'audit-log':
      return `#/${route.page}`;
  }
}
