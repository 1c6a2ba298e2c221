import { describe, expect, it } from 'vitest';
import { splitIndexData } from './index-snapshot.ts';
import type { CollectionIndexData } from './summary-index.ts';

const item = (id: string) => ({ id, summary: { name: id }, pending: false });
const entry = (id: string) => ({ collection: 'history' as const, id, label: id, deletedAt: '', deletedBy: '' });

describe('splitIndexData', () => {
  it('cuts items and corbeille entries into parts, each history link in the part of its event', () => {
    const data: CollectionIndexData = {
      items: ['a', 'b', 'c', 'd', 'e'].map(item),
      trash: [[entry('x'), null], [entry('y'), { personId: 'p', placeId: '' }], [entry('z'), null]],
      links: [['e', 'person/1'], ['a', 'person/2'], ['c', 'person/1']],
    };
    const parts = splitIndexData(data, 2);
    expect(parts.map((p) => p.items.map((i) => i.id))).toEqual([['a', 'b'], ['c', 'd'], ['e'], [], []]);
    expect(parts.map((p) => p.links)).toEqual([[['a', 'person/2']], [['c', 'person/1']], [['e', 'person/1']], [], []]);
    expect(parts.map((p) => p.trash.map(([e]) => e.id))).toEqual([[], [], [], ['x', 'y'], ['z']]);
  });

  it('keeps one empty part for an empty collection, so that « nothing » is known without decrypting', () => {
    expect(splitIndexData({ items: [], trash: [], links: [] })).toEqual([{ items: [], trash: [], links: [] }]);
  });
});
