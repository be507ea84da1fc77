import { InMemoryBroadcast } from './in-memory-broadcast';

describe('InMemoryBroadcast', () => {
  it('delivers a message to every listener of its channel before publish resolves, and to no other', async () => {
    const broadcast = new InMemoryBroadcast();
    const received: string[] = [];
    await broadcast.subscribe('invalidations', (message) => received.push(`a:${message}`));
    await broadcast.subscribe('invalidations', (message) => received.push(`b:${message}`));
    await broadcast.subscribe('elsewhere', (message) => received.push(`c:${message}`));
    await broadcast.publish('invalidations', 'key-1');
    expect(received).toEqual(['a:key-1', 'b:key-1']);
  });

  it('publishes to a channel nobody listens to without complaint', async () => {
    await expect(new InMemoryBroadcast().publish('nobody', 'x')).resolves.toBeUndefined();
  });
});
