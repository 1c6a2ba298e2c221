import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '@relais/core/protocol';
import { describeEntry, retentionLabel } from './journal-labels.ts';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const names = (id: string) => (id === A ? 'Alice' : id === B ? 'Bruno' : 'un ancien membre');
const entry = (patch: Partial<JournalEntry>): JournalEntry => ({ id: 1, at: '2026-11-23T10:00:00.000Z', actorId: A, event: 'login', subjectId: null, collections: [], count: 0, ...patch });

describe('journal labels', () => {
  it('says who synced how many records of which collections, in French', () => {
    expect(describeEntry(entry({ event: 'pull', collections: ['comment', 'person'], count: 1200 }), names)).toBe(
      'Alice a reçu 1\u202f200 fiches chiffrées (Commentaire, Personne)',
    );
    expect(describeEntry(entry({ event: 'push', collections: ['passage'], count: 1 }), names)).toBe('Alice a envoyé 1 fiche chiffrée (Passage)');
  });

  it('names the member an event is about', () => {
    expect(describeEntry(entry({ event: 'member_confirmed', subjectId: B }), names)).toBe('Alice a confirmé le membre Bruno');
    expect(describeEntry(entry({ event: 'login', actorId: 'x' }), names)).toBe("un ancien membre s'est connecté(e)");
  });

  it('reads retentions in months and years', () => {
    expect([1, 6, 12, 24].map(retentionLabel)).toEqual(['1 mois', '6 mois', '1 an', '2 ans']);
  });
});
