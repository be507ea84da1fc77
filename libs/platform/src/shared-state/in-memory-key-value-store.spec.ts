import { FakeClock } from './fake-clock';
import { InMemoryKeyValueStore, InMemoryKeyValueStores } from './in-memory-key-value-store';

describe('InMemoryKeyValueStore', () => {
  let clock: FakeClock;
  let store: InMemoryKeyValueStore;

  beforeEach(() => {
    clock = new FakeClock();
    store = new InMemoryKeyValueStore({ maxEntries: 100 }, clock);
  });

  it('keeps a value until its TTL has passed, to the millisecond (as Redis does, through the last one)', async () => {
    await store.set('k', 'v', 1_000);
    clock.advance(999);
    expect(await store.remainingTtlMs('k')).toBe(1);
    clock.advance(1);
    expect(await store.get('k')).toBe('v');
    expect(await store.remainingTtlMs('k')).toBe(0);
    clock.advance(1);
    expect(await store.get('k')).toBeUndefined();
    expect(await store.remainingTtlMs('k')).toBe(0);
  });

  it('writes an absent key only, when asked to, and an expired key counts as absent', async () => {
    expect(await store.set('k', 'first', 1_000, { ifAbsent: true })).toBe(true);
    expect(await store.set('k', 'second', 1_000, { ifAbsent: true })).toBe(false);
    expect(await store.get('k')).toBe('first');
    clock.advance(1_001);
    expect(await store.set('k', 'third', 1_000, { ifAbsent: true })).toBe(true);
    expect(await store.get('k')).toBe('third');
  });

  it('overwrites a value with a new TTL', async () => {
    await store.set('k', 'old', 1_000);
    clock.advance(900);
    await store.set('k', 'new', 1_000);
    clock.advance(1_000);
    expect(await store.get('k')).toBe('new');
  });

  it('deletes several keys at once', async () => {
    await store.set('a', '1', 1_000);
    await store.set('b', '2', 1_000);
    await store.delete('a', 'b', 'never-set');
    expect([await store.get('a'), await store.get('b')]).toEqual([undefined, undefined]);
  });

  it('counts in a fixed window that starts with the first increment and is not extended by later ones', async () => {
    expect(await store.increment('failures', 300_000)).toBe(1);
    clock.advance(200_000);
    expect(await store.increment('failures', 300_000)).toBe(2);
    expect(await store.remainingTtlMs('failures')).toBe(100_000);
    clock.advance(100_001);
    expect(await store.increment('failures', 300_000)).toBe(1);
  });

  it('refuses to count a key holding something else than a counter', async () => {
    await store.set('k', 'text', 1_000);
    await expect(store.increment('k', 1_000)).rejects.toThrow(/counter/);
  });

  it('keeps at most maxEntries, dropping the least recently used first', async () => {
    const small = new InMemoryKeyValueStore({ maxEntries: 2 }, clock);
    await small.set('a', '1', 60_000);
    await small.set('b', '2', 60_000);
    await small.get('a');
    await small.set('c', '3', 60_000);
    expect([await small.get('a'), await small.get('b'), await small.get('c')]).toEqual(['1', undefined, '3']);
  });

  it('gives each feature a store of its own', async () => {
    const stores = new InMemoryKeyValueStores(clock);
    const first = stores.create({ maxEntries: 10 });
    await first.set('k', 'v', 1_000);
    expect(await stores.create({ maxEntries: 10 }).get('k')).toBeUndefined();
  });
});
