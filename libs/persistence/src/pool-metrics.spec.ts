import { poolConnectionStates } from './pool-metrics';

describe('poolConnectionStates', () => {
  it('reports checked-out connections as in use and queued callers as waiting', () => {
    expect(poolConnectionStates({ totalCount: 10, idleCount: 3, waitingCount: 4 })).toEqual({ in_use: 7, idle: 3, waiting: 4 });
  });

  it('reports an empty pool as all zeros', () => {
    expect(poolConnectionStates({ totalCount: 0, idleCount: 0, waitingCount: 0 })).toEqual({ in_use: 0, idle: 0, waiting: 0 });
  });

  it('reports a fully idle pool as nothing in use', () => {
    expect(poolConnectionStates({ totalCount: 5, idleCount: 5, waitingCount: 0 })).toEqual({ in_use: 0, idle: 5, waiting: 0 });
  });
});
