import { hrefOf, parseRoute } from './route';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('parseRoute', () => {
  it('reads lists, detail pages and the overview', () => {
    expect(parseRoute('')).toEqual({ page: 'overview' });
    expect(parseRoute('#/')).toEqual({ page: 'overview' });
    expect(parseRoute('#/tasks')).toEqual({ page: 'tasks' });
    expect(parseRoute(`#/tasks/${ID}`)).toEqual({ page: 'task', id: ID });
    expect(parseRoute(`#/agents/${ID.toUpperCase()}`)).toEqual({ page: 'agent', id: ID });
    expect(parseRoute('#/audit-log')).toEqual({ page: 'audit-log' });
  });

  it('refuses what is not a page', () => {
    expect(parseRoute('#/tasks/not-a-uuid')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/api-keys/x')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/secrets')).toEqual({ page: 'not-found' });
  });

  it('is the inverse of hrefOf', () => {
    for (const route of [{ page: 'task', id: ID }, { page: 'tasks' }, { page: 'webhook', id: ID }] as const) expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
