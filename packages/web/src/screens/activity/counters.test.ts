import { describe, expect, it } from 'vitest';
import { CounterQueue, type CounterStore } from './counters.ts';

/** A store whose writes take a moment, like IndexedDB. */
function slowStore() {
  const records = new Map<string, number>();
  const log: string[] = [];
  const later = () => new Promise<void>((r) => setTimeout(r, 2));
  const store: CounterStore = {
    create: async (id, count) => {
      await later();
      if (records.has(id)) throw new Error('exists');
      records.set(id, count);
      log.push(`create ${id} ${count}`);
    },
    update: async (id, count) => {
      await later();
      if (!records.has(id)) throw new Error('missing');
      records.set(id, count);
      log.push(`update ${id} ${count}`);
    },
  };
  return { store, records, log };
}

describe('CounterQueue', () => {
  it('keeps rapid taps, creating the record once then updating it', async () => {
    const s = slowStore();
    const errors: unknown[] = [];
    const q = new CounterQueue(s.store, () => {}, (e) => errors.push(e));
    expect(q.step('r', undefined, 1)).toBe(true);
    expect(q.step('r', undefined, 1)).toBe(true);
    expect(q.step('r', undefined, 1)).toBe(true);
    expect(q.value('r', undefined)).toBe(3);
    expect(q.busy('r')).toBe(true);
    await q.idle();
    expect(errors).toEqual([]);
    expect(s.log).toEqual(['create r 1', 'update r 2', 'update r 3']);
    expect(q.busy('r')).toBe(false);
    // Once the index shows the value, it is the truth again.
    expect(q.value('r', 3)).toBe(3);
    expect(q.value('r', 5)).toBe(5);
  });

  it('updates a record the index already has and never goes below zero', async () => {
    const s = slowStore();
    s.records.set('r', 1);
    const q = new CounterQueue(s.store, () => {}, () => {});
    expect(q.step('r', 1, -1)).toBe(true);
    expect(q.step('r', 1, -1)).toBe(false);
    expect(q.value('r', 1)).toBe(0);
    await q.idle();
    expect(s.log).toEqual(['update r 0']);
  });

  it('falls back to the index and reports when a write fails', async () => {
    const s = slowStore();
    s.records.set('r', 4); // arrived from another device, not yet in this index
    const errors: unknown[] = [];
    const q = new CounterQueue(s.store, () => {}, (e) => errors.push(e));
    q.step('r', undefined, 1);
    await q.idle();
    expect(errors).toHaveLength(1);
    expect(q.value('r', 4)).toBe(4);
  });

  it('drops the optimistic value on settle when the index disagrees', async () => {
    const s = slowStore();
    const q = new CounterQueue(s.store, () => {}, () => {});
    q.step('r', undefined, 1);
    await q.idle();
    expect(q.value('r', undefined)).toBe(1);
    q.settle('r');
    expect(q.value('r', 6)).toBe(6);
  });
});
