import { accessFromStatuses, can, type Capability } from './access';

const statuses = (entries: [Capability, number][]) => new Map(entries);

describe('accessFromStatuses', () => {
  it('grants what the gateway let through and withholds what it refused with 403', () => {
    const verdict = accessFromStatuses(statuses([['tasks:read', 200], ['tasks:write', 403], ['admin', 403], ['agents:write', 404]]));
    expect(verdict).toEqual({ kind: 'signed-in', access: new Set(['tasks:read', 'agents:write']) });
  });

  it('refuses the key when any probe answered 401', () => {
    expect(accessFromStatuses(statuses([['tasks:read', 401], ['admin', 401]])).kind).toBe('refused');
  });

  it('does not sign in on server errors or unreachable gateways', () => {
    expect(accessFromStatuses(statuses([['tasks:read', 200], ['admin', 502]])).kind).toBe('unavailable');
    expect(accessFromStatuses(statuses([['tasks:read', 0]])).kind).toBe('unavailable');
    expect(accessFromStatuses(statuses([['tasks:read', 429]])).kind).toBe('unavailable');
  });
});

describe('can', () => {
  it('lets admin do everything and others only what they hold', () => {
    expect(can(new Set<Capability>(['admin']), 'webhooks:write')).toBe(true);
    expect(can(new Set<Capability>(['tasks:read']), 'tasks:read')).toBe(true);
    expect(can(new Set<Capability>(['tasks:read']), 'admin')).toBe(false);
  });
});
