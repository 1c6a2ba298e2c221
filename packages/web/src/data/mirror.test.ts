import { describe, expect, it } from 'vitest';
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
