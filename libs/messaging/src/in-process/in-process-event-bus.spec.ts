import type { OutgoingMessage } from '../event-publisher';
import { InProcessEventBus, topicRuns } from './in-process-event-bus';

const message = (topic: string, key: string): OutgoingMessage => ({ topic, key, headers: {}, value: '{}' });

describe('InProcessEventBus', () => {
  it('holds publications until opened, then delivers each group its topics in order', async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    bus.subscribe('trust', ['ains.agent.v1'], async (batch) => {
      for (const m of batch) seen.push(`trust:${m.key}`);
    });
    bus.subscribe('webhook', ['ains.task.v1'], async (batch) => {
      for (const m of batch) seen.push(`webhook:${m.key}`);
    });
    let delivered = false;
    const publishing = bus.publish([message('ains.agent.v1', 'a1'), message('ains.task.v1', 't1'), message('ains.agent.v1', 'a2')]).then(() => {
      delivered = true;
    });
    await Promise.resolve();
    expect(delivered).toBe(false);
    bus.open();
    await publishing;
    expect(seen.filter((s) => s.startsWith('trust'))).toEqual(['trust:a1', 'trust:a2']);
    expect(seen.filter((s) => s.startsWith('webhook'))).toEqual(['webhook:t1']);
  });

  it('fails the publication when a consumer fails, so the relay retries, without blocking later ones', async () => {
    const bus = new InProcessEventBus();
    bus.open();
    let failNext = true;
    const handled: string[] = [];
    bus.subscribe('trust', ['ains.agent.v1'], async (batch) => {
      if (failNext) {
        failNext = false;
        throw new Error('database unavailable');
      }
      handled.push(...batch.map((m) => m.key));
    });
    await expect(bus.publish([message('ains.agent.v1', 'a1')])).rejects.toThrow('database unavailable');
    await bus.publish([message('ains.agent.v1', 'a1')]);
    expect(handled).toEqual(['a1']);
  });

  it('serialises deliveries to one group across concurrent publications', async () => {
    const bus = new InProcessEventBus();
    bus.open();
    let running = 0;
    let maxRunning = 0;
    bus.subscribe('g', ['t'], async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
    });
    await Promise.all([bus.publish([message('t', '1')]), bus.publish([message('t', '2')]), bus.publish([message('t', '3')])]);
    expect(maxRunning).toBe(1);
  });

  it('splits a delivery into same-topic runs in order', () => {
    const runs = topicRuns([message('a', '1'), message('a', '2'), message('b', '3'), message('a', '4')]);
    expect(runs.map((run) => run.map((m) => `${m.topic}${m.key}`))).toEqual([['a1', 'a2'], ['b3'], ['a4']]);
  });

  it('refuses a second subscription of one group', () => {
    const bus = new InProcessEventBus();
    bus.subscribe('g', ['t'], async () => undefined);
    expect(() => bus.subscribe('g', ['t'], async () => undefined)).toThrow('already subscribed');
  });
});
