import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldGroups } from './field-groups.ts';
import { GroupMirror } from './mirror.ts';
import type { Item } from './types.ts';

const item = (id: string, summary: Record<string, unknown>): Item<unknown> => ({ id, pending: false, summary }) as Item<unknown>;

/** Items and their groups, changed the way the Worker's index changes them. */
class Indexed {
  readonly items = new Map<string, Item<unknown>>();
  readonly groups = new FieldGroups(
    () => this.items.values(),
    (id) => this.items.get(id),
  );

  apply(upserts: Item<unknown>[], removes: string[] = [], reset = false): void {
    if (reset) {
      this.items.clear();
      this.groups.reset();
    }
    for (const id of removes) {
      this.groups.leave(this.items.get(id));
      this.items.delete(id);
    }
    for (const u of upserts) {
      this.groups.leave(this.items.get(u.id));
      this.items.set(u.id, u);
      this.groups.enter(u);
    }
  }
}

describe('FieldGroups', () => {
  it('answers the items of one value of a field or of a list field', () => {
    const index = new Indexed();
    index.apply([item('a', { personId: 'p1', personIds: ['p1', 'p2'] }), item('b', { personId: 'p2', personIds: ['p2'] }), item('c', { personId: '', personIds: [] })]);
    expect(index.groups.group('personId', 'p1').map((i) => i.id)).toEqual(['a']);
    expect(index.groups.group('personIds', 'p2').map((i) => i.id)).toEqual(['a', 'b']);
    expect(index.groups.group('personId', '')).toEqual([]);
    expect(index.groups.group('personId', 'nobody')).toEqual([]);
  });

  it('answers the same array until that group changes, then the new truth', () => {
    const index = new Indexed();
    index.apply([item('a', { personId: 'p1' }), item('z', { personId: 'p9' })]);
    const first = index.groups.group('personId', 'p1');
    const other = index.groups.group('personId', 'p9');
    expect(index.groups.group('personId', 'p1')).toBe(first);
    index.apply([item('b', { personId: 'p1' }), item('a', { personId: 'p3' })]);
    expect(index.groups.group('personId', 'p1').map((i) => i.id)).toEqual(['b']);
    expect(index.groups.group('personId', 'p3').map((i) => i.id)).toEqual(['a']);
    // A group no change touched keeps its array: React re-renders nothing for it.
    expect(index.groups.group('personId', 'p9')).toBe(other);
    index.apply([], ['b']);
    expect(index.groups.group('personId', 'p1')).toEqual([]);
  });

  it('answers what a fresh scan of the items would, after any sequence of changes (fast-check)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const key = fc.constantFrom('p1', 'p2', 'p3', '');
    const change = fc.record({
      upserts: fc.array(fc.tuple(id, key, fc.array(key, { maxLength: 3 })), { maxLength: 4 }),
      removes: fc.array(id, { maxLength: 2 }),
      reset: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), fc.boolean(), (changes, askEarly) => {
        const index = new Indexed();
        // Groups built before the changes are kept current; groups built after are scanned.
        if (askEarly) index.groups.group('personIds', 'p2');
        for (const c of changes) {
          index.apply(
            c.upserts.map(([i, personId, personIds]) => item(i, { personId, personIds })),
            c.removes,
            c.reset,
          );
          for (const field of ['personId', 'personIds']) {
            for (const value of ['p1', 'p2', 'p3']) {
              const expected = [...index.items.values()].filter((it) => {
                const v = (it.summary as Record<string, unknown>)[field];
                return Array.isArray(v) ? v.includes(value) : v === value;
              });
              const got = index.groups.group(field, value);
              expect(new Set(got.map((it) => it.id))).toEqual(new Set(expected.map((it) => it.id)));
              expect(got).toHaveLength(expected.length);
              expect(got.every((it) => index.items.get(it.id) === it)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('GroupMirror', () => {
  it('takes the first answer unless an event already brought newer items, and counts who shows it', () => {
    const mirror = new GroupMirror();
    expect(mirror.getSnapshot()).toBeNull();
    const newer = [item('b', {})];
    mirror.set(newer);
    mirror.answer([item('a', {})]);
    expect(mirror.getSnapshot()).toBe(newer);
    let idle = 0;
    const stopA = mirror.watch(() => undefined, () => idle++);
    const stopB = mirror.watch(() => undefined, () => idle++);
    stopA();
    expect(idle).toBe(0);
    stopB();
    expect(idle).toBe(1);
    expect(mirror.idle).toBe(true);
  });
});
