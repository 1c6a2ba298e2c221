import { describe, expect, it } from 'vitest';
import type { RecordDocument } from '@relais/core/sync/types';
import { coreDomain } from './domain.ts';
import { SummaryIndex } from './summary-index.ts';

const P1 = '01900000-0000-7000-8000-000000000001';
const P2 = '01900000-0000-7000-8000-000000000002';
const H1 = '01900000-0000-7000-8000-0000000000a1';

function doc(fields: RecordDocument['fields']): RecordDocument {
  return { fields, stamps: {} };
}

describe('SummaryIndex', () => {
  it('keeps a summary per live record, completed with defaults for older documents', () => {
    const index = new SummaryIndex(coreDomain);
    // An issue-3 person: four fields only.
    index.apply('person', P1, { document: doc({ name: 'Jeanne', phone: '06', birthDate: '', description: 'long' }), deleted: false, pending: true });
    expect(index.items('person')).toEqual([
      {
        id: P1,
        pending: true,
        summary: { name: 'Jeanne', otherNames: '', phone: '06', birthDate: '', teamIds: [], highlyVulnerable: false, outOfActiveList: false, alerts: false, createdAt: '' },
        // Computed once here, in the Worker: the page's search never normalises names itself.
        search: { name: 'jeanne', text: 'jeanne', phone: '06' },
      },
    ]);
    expect(JSON.stringify(index.items('person'))).not.toContain('long');
  });

  it('names the place and the person a trashed lieu fréquenté or comment was about', () => {
    const index = new SummaryIndex(coreDomain);
    const PLACE = '01900000-0000-7000-8000-0000000000b1';
    const LINK = '01900000-0000-7000-8000-0000000000c1';
    const COMMENT = '01900000-0000-7000-8000-0000000000c2';
    const deleted = { deletedAt: '2026-11-23T10:00:00.000Z', deletedBy: P2 };
    index.apply('person', P1, { document: doc({ name: 'Jeanne Dupont' }), deleted: false, pending: false });
    index.apply('place', PLACE, { document: doc({ name: 'Gare du Nord' }), deleted: false, pending: false });
    index.apply('personPlace', LINK, { document: doc({ personId: P1, placeId: PLACE, ...deleted }), deleted: true, pending: false });
    index.apply('comment', COMMENT, {
      document: doc({ text: 'Vu ce matin', personId: P1, actionId: '', teamId: P2, date: '2026-11-23T09:00:00.000Z', priority: false, ...deleted }),
      deleted: true,
      pending: false,
    });
    expect(index.trash().map((e) => e.label).sort()).toEqual(['Commentaire : Vu ce matin — Jeanne Dupont', 'Lieu fréquenté : Gare du Nord — Jeanne Dupont']);
    // Restored: its names go with it.
    index.apply('personPlace', LINK, { document: doc({ personId: P1, placeId: PLACE }), deleted: false, pending: false });
    expect(index.trash().map((e) => e.label)).toEqual(['Commentaire : Vu ce matin — Jeanne Dupont']);
  });

  it('reports changes as deltas, and deleted records as corbeille entries', () => {
    const index = new SummaryIndex(coreDomain);
    index.apply('person', P1, { document: doc({ name: 'A' }), deleted: false, pending: false });
    index.apply('person', P2, { document: doc({ name: 'B' }), deleted: false, pending: false });
    expect(index.takeDeltas()).toEqual([{ collection: 'person', upserts: [expect.objectContaining({ id: P1 }), expect.objectContaining({ id: P2 })], removes: [] }]);
    expect(index.takeDeltas()).toEqual([]);
    expect(index.takeTrashChanged()).toBe(false);

    index.apply('person', P1, { document: doc({ name: 'A', deletedAt: '2026-11-23T10:00:00.000Z', deletedBy: P2 }), deleted: true, pending: true });
    expect(index.takeDeltas()).toEqual([{ collection: 'person', upserts: [], removes: [P1] }]);
    expect(index.takeTrashChanged()).toBe(true);
    expect(index.trash()).toEqual([{ collection: 'person', id: P1, label: 'A', deletedAt: '2026-11-23T10:00:00.000Z', deletedBy: P2 }]);
    expect(index.size('person')).toBe(1);

    index.apply('person', P1, { document: doc({ name: 'A' }), deleted: false, pending: true });
    expect(index.trash()).toEqual([]);
    index.apply('person', P2, null);
    expect(index.takeDeltas()).toEqual([{ collection: 'person', upserts: [expect.objectContaining({ id: P1 })], removes: [P2] }]);
    index.discardDelta('person');
  });

  it('links history events to their record, and unlinks them when they move', () => {
    const index = new SummaryIndex(coreDomain);
    const event = (recordId: string) =>
      doc({ kind: 'change', recordCollection: 'person', recordId, field: 'name', before: 'A', after: 'B', at: '2026-11-23T10:00:00.000Z', by: P2 });
    index.apply('history', H1, { document: event(P1), deleted: false, pending: false });
    expect(index.historyOf('person', P1)).toEqual([H1]);
    index.apply('history', H1, { document: event(P2), deleted: false, pending: false });
    expect(index.historyOf('person', P1)).toEqual([]);
    expect(index.historyOf('person', P2)).toEqual([H1]);
    expect(index.get('history', H1)?.summary).toEqual({ kind: 'change', recordCollection: 'person', recordId: P2, at: '2026-11-23T10:00:00.000Z' });
    index.apply('history', H1, null);
    expect(index.historyOf('person', P2)).toEqual([]);
    index.clear();
    expect(index.items('history')).toEqual([]);
  });
});
