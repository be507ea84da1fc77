import { LoadBatch, type Assignment } from './load-batch';

const at = '2026-12-04T00:00:00.000Z';
const assignment = (taskId: string, agentId: string, attempt = 1): Assignment => ({ taskId, attempt, agentId, assignedAt: at });

describe('LoadBatch', () => {
  it('nets a task assigned and finished within the batch to no row and no load', () => {
    const batch = new LoadBatch(new Map(), 0.2);
    batch.assign(assignment('t1', 'a'));
    batch.release('t1');
    batch.count('a', 'completed', 100);
    const changes = batch.changes();
    expect(changes.released).toEqual([]);
    expect(changes.assigned).toEqual([]);
    expect(changes.agents).toEqual([{ agentId: 'a', activeDelta: 0, completed: 1, failed: 0, timedOut: 0, average: { factor: 0.8, offset: 20, ifNoAverage: 100 } }]);
  });

  it('moves a stored task to its new holder on a reassignment, and releases stored tasks that end', () => {
    const stored = new Map([
      ['t1', assignment('t1', 'a')],
      ['t2', assignment('t2', 'a')],
    ]);
    const batch = new LoadBatch(stored, 0.2);
    batch.assign(assignment('t1', 'b', 2));
    batch.release('t2');
    batch.count('a', 'failed', null);
    const changes = batch.changes();
    expect(changes.released.sort()).toEqual(['t1', 't2']);
    expect(changes.assigned).toEqual([assignment('t1', 'b', 2)]);
    expect(Object.fromEntries(changes.agents.map((agent) => [agent.agentId, agent.activeDelta]))).toEqual({ a: -2, b: 1 });
    expect(changes.agents.find((agent) => agent.agentId === 'a')).toMatchObject({ failed: 1, average: null });
  });

  it('ignores the release of a task nobody holds', () => {
    const batch = new LoadBatch(new Map(), 0.2);
    batch.release('unknown');
    expect(batch.changes()).toEqual({ released: [], assigned: [], agents: [] });
  });

  it('folds completion times into what applying them one by one gives', () => {
    const alpha = 0.3;
    const durations = [50, 400, 120];
    const batch = new LoadBatch(new Map(), alpha);
    for (const d of durations) batch.count('a', 'completed', d);
    const [{ average }] = batch.changes().agents;
    const stepwise = (start: number | null) => durations.reduce<number | null>((avg, d) => (avg === null ? d : alpha * d + (1 - alpha) * avg), start)!;
    expect(average!.factor * 200 + average!.offset).toBeCloseTo(stepwise(200));
    expect(average!.ifNoAverage).toBeCloseTo(stepwise(null));
  });
});
