import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createLogger, InMemoryBroadcast, InMemoryKeyValueStores, RedisBroadcast, RedisKeyValueStores, type Broadcast, type KeyValueStore } from '@ains/platform';
import { testEnv, waitFor } from '@ains/testing';

/**
 * The gateway's key cache, failure counters and key revocations rely on the key-value store and
 * the broadcast behaving the same in Redis and in process: one case table, both implementations.
 */
interface Backend {
  name: string;
  open(): { store: KeyValueStore; broadcast: Broadcast; close(): void };
}

const backends: Backend[] = [
  {
    name: 'Redis',
    open: () => {
      const redis = new Redis(testEnv.redisUrl);
      const broadcast = new RedisBroadcast(redis, createLogger({ service: 'test', level: 'silent' }));
      return {
        store: new RedisKeyValueStores(redis).create(),
        broadcast,
        close: () => {
          broadcast.onApplicationShutdown();
          redis.disconnect();
        },
      };
    },
  },
  { name: 'in process', open: () => ({ store: new InMemoryKeyValueStores().create({ maxEntries: 1_000 }), broadcast: new InMemoryBroadcast(), close: () => undefined }) },
];

describe.each(backends)('shared state: $name', (backend) => {
  let store: KeyValueStore;
  let broadcast: Broadcast;
  let close: () => void;
  const key = () => `test:shared-state:${randomUUID()}`;

  beforeAll(() => {
    ({ store, broadcast, close } = backend.open());
  });

  afterAll(() => close());

  it('reads back what it stored, and nothing for an unknown key', async () => {
    const k = key();
    expect(await store.get(k)).toBeUndefined();
    expect(await store.set(k, '{"a":1}', 60_000)).toBe(true);
    expect(await store.get(k)).toBe('{"a":1}');
    expect(await store.remainingTtlMs(k)).toBeGreaterThan(0);
    expect(await store.remainingTtlMs(k)).toBeLessThanOrEqual(60_000);
    expect(await store.remainingTtlMs(key())).toBe(0);
  });

  it('writes an absent key only when asked to, and overwrites otherwise', async () => {
    const k = key();
    expect(await store.set(k, 'first', 60_000, { ifAbsent: true })).toBe(true);
    expect(await store.set(k, 'second', 60_000, { ifAbsent: true })).toBe(false);
    expect(await store.get(k)).toBe('first');
    expect(await store.set(k, 'third', 60_000)).toBe(true);
    expect(await store.get(k)).toBe('third');
  });

  it('deletes several keys at once, unknown ones included', async () => {
    const [a, b] = [key(), key()];
    await store.set(a, '1', 60_000);
    await store.set(b, '2', 60_000);
    await store.delete(a, b, key());
    expect([await store.get(a), await store.get(b)]).toEqual([undefined, undefined]);
  });

  it('forgets a value once its TTL has passed', async () => {
    const k = key();
    await store.set(k, 'short-lived', 50);
    await waitFor(async () => (await store.get(k)) === undefined, { timeoutMs: 5_000, intervalMs: 20, description: 'the value to expire' });
    expect(await store.remainingTtlMs(k)).toBe(0);
  });

  it('counts in a window that starts with the first increment and then starts over', async () => {
    const k = key();
    expect([await store.increment(k, 100), await store.increment(k, 100), await store.increment(k, 100)]).toEqual([1, 2, 3]);
    expect(await store.remainingTtlMs(k)).toBeLessThanOrEqual(100);
    await waitFor(async () => (await store.remainingTtlMs(k)) === 0, { timeoutMs: 5_000, intervalMs: 20, description: 'the window to end' });
    expect(await store.increment(k, 60_000)).toBe(1);
  });

  it('broadcasts a message to the listeners of its channel only', async () => {
    const [channel, other] = [key(), key()];
    const received: string[] = [];
    await broadcast.subscribe(channel, (message) => received.push(`${channel}:${message}`));
    await broadcast.subscribe(other, (message) => received.push(`${other}:${message}`));
    await broadcast.publish(key(), 'nobody listens');
    await broadcast.publish(channel, 'key-1');
    await waitFor(() => received.length > 0, { timeoutMs: 5_000, intervalMs: 10, description: 'the message' });
    expect(received).toEqual([`${channel}:key-1`]);
  });
});
