import type { CloudEvent } from '@ains/contracts';
import { consecutiveRuns } from './event-consumer';

const A = 'ains.routing.decided.v1';
const B = 'ains.agent.updated.v1';
const event = (id: string, type: typeof A | typeof B) => ({ id, type }) as unknown as CloudEvent;

describe('consecutiveRuns', () => {
  it('groups neighbouring events of the same kind and keeps the order of everything', () => {
    const events = [event('1', A), event('2', A), event('3', B), event('4', A), event('5', B), event('6', B)];
    const runs = consecutiveRuns(events, (e) => e.type === A);
    expect(runs.map((run) => [run.together, run.events.map((e) => e.id).join('')])).toEqual([
      [true, '12'],
      [false, '3'],
      [true, '4'],
      [false, '56'],
    ]);
  });

  it('has no runs for no events', () => {
    expect(consecutiveRuns([], () => true)).toEqual([]);
  });
});
