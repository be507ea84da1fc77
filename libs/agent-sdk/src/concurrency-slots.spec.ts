import { ConcurrencySlots } from './concurrency-slots';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ConcurrencySlots', () => {
  it('counts used and free slots up to the capacity', () => {
    const slots = new ConcurrencySlots(2);
    slots.acquire();
    expect([slots.used, slots.free]).toEqual([1, 1]);
    slots.acquire();
    expect([slots.used, slots.free]).toEqual([2, 0]);
    expect(() => slots.acquire()).toThrow('No free slot');
    slots.release();
    expect([slots.used, slots.free]).toEqual([1, 1]);
  });

  it('refuses to release a slot that is not in use, and capacities that are not positive integers', () => {
    expect(() => new ConcurrencySlots(1).release()).toThrow('No slot is in use');
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new ConcurrencySlots(capacity)).toThrow(RangeError);
  });

  it('wakes a waiter for a free slot when one is released', async () => {
    const slots = new ConcurrencySlots(1);
    await expect(settled(slots.whenFree())).resolves.toBe(true);
    slots.acquire();
    const free = slots.whenFree();
    await expect(settled(free)).resolves.toBe(false);
    slots.release();
    await expect(settled(free)).resolves.toBe(true);
  });

  it('waits for several free slots when asked, never for more than the capacity', async () => {
    const slots = new ConcurrencySlots(3);
    slots.acquire();
    slots.acquire();
    slots.acquire();
    const two = slots.whenFree(2);
    slots.release();
    await expect(settled(two)).resolves.toBe(false);
    slots.release();
    await expect(settled(two)).resolves.toBe(true);
    await expect(settled(slots.whenFree(10))).resolves.toBe(false);
  });

  it('is idle only once every slot is released', async () => {
    const slots = new ConcurrencySlots(3);
    await expect(settled(slots.whenIdle())).resolves.toBe(true);
    slots.acquire();
    slots.acquire();
    const idle = slots.whenIdle();
    slots.release();
    await expect(settled(idle)).resolves.toBe(false);
    slots.release();
    await expect(settled(idle)).resolves.toBe(true);
  });
});
