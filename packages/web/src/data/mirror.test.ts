import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndexMirror } from './mirror.ts';
import type { Item } from './types.ts';

const item = (id: string, summary: Record<string, unknown>): Item<unknown> => ({ id, pending: false, summary }) as Item<unknown>;
const event = (upserts: Item<unknown>[], removes: string[] = [], reset = false) => ({ type: 'index' as const, collection: 'comment' as const, reset, complete: true, upserts, removes });

describe('IndexMirror.group', () => {
  it('answers the items of one value of a field or of a list field, null until loaded', () => {
    const mirror = new IndexMirror('comment');
    expect(mirror.group('personId', 'p1')).toBeNull();
    mirror.apply(event([item('a', { personId: 'p1', personIds: ['p1', 'p2'] }), item('b', { personId: 'p2', personIds: ['p2'] }), item('c', { personId: '', personIds: [] })]));
    expect(mirror.group('personId', 'p1')?.map((i) => i.id)).toEqual(['a']);
    expect(mirror.group('personIds', 'p2')?.map((i) => i.id)).toEqual(['a', 'b']);
    expect(mirror.group('personId', '')).toEqual([]);
    expect(mirror.group('personId', 'nobody')).toEqual([]);
  });

  it('answers the same array until the index changes, then the new truth', () => {
    const mirror = new IndexMirror('comment');
    mirror.apply(event([item('a', { personId: 'p1' })]));
    const first = mirror.group('personId', 'p1');
    expect(mirror.group('personId', 'p1')).toBe(first);
    mirror.apply(event([item('b', { personId: 'p1' }), item('a', { personId: 'p3' })]));
    expect(mirror.group('personId', 'p1')?.map((i) => i.id)).toEqual(['b']);
    expect(mirror.group('personId', 'p3')?.map((i) => i.id)).toEqual(['a']);
    mirror.apply(event([], ['b']));
    expect(mirror.group('personId', 'p1')).toEqual([]);
  });
});

describe('IndexMirror.group kept current change by change', () => {
  it('answers what a fresh scan of the items would, after any sequence of changes (fast-check)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const key = fc.constantFrom('p1', 'p2', 'p3', '');
    const change = fc.record({
      upserts: fc.array(fc.tuple(id, key, fc.array(key, { maxLength: 3 })), { maxLength: 4 }),
      removes: fc.array(id, { maxLength: 2 }),
      reset: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const mirror = new IndexMirror('comment');
        const truth = new Map<string, Item<unknown>>();
        for (const c of changes) {
          const upserts = c.upserts.map(([i, personId, personIds]) => item(i, { personId, personIds }));
          const before = mirror.loaded ? mirror.group('personId', 'p2') : null;
          mirror.apply(event(upserts, c.removes, c.reset));
          if (c.reset) truth.clear();
          for (const r of c.removes) truth.delete(r);
          for (const u of upserts) truth.set(u.id, u);
          for (const field of ['personId', 'personIds']) {
            for (const value of ['p1', 'p2', 'p3']) {
              const expected = [...truth.values()].filter((it) => {
                const v = (it.summary as Record<string, unknown>)[field];
                return Array.isArray(v) ? v.includes(value) : v === value;
              });
              expect(new Set(mirror.group(field, value)?.map((it) => it.id))).toEqual(new Set(expected.map((it) => it.id)));
              expect(mirror.group(field, value)).toHaveLength(expected.length);
            }
          }
          // A group no change touched is the same array as before.
          const touched = c.reset || c.removes.length > 0 || upserts.length > 0;
          if (!touched && before) expect(mirror.group('personId', 'p2')).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
