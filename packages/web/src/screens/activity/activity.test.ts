import { describe, expect, it } from 'vitest';
import { namesOf, newestFirst, ofPerson, onDay, passageWho, personTimeline } from './activity.ts';

// The days are the organisation's (Europe/Paris), whatever the zone of the machine running this.

const A = 'team-a';
const B = 'team-b';
const item = (id: string, date: string, teamId = A, personIds: string[] = []) => ({ id, summary: { date, teamId, personIds } });

describe('activity selection', () => {
  const items = [
    item('1', '2026-11-23T08:00:00.000Z'),
    item('2', '2026-11-23T22:59:00.000Z', B), // 23:59 in Paris
    item('3', '2026-11-23T23:00:00.000Z'), // already the 24th in Paris
    item('4', '2026-11-22T23:10:00.000Z'), // 00:10 on the 23rd in Paris
  ];

  it('keeps the organisation’s day, every team or one, newest first', () => {
    expect(onDay(items, '2026-11-23', '').map((i) => i.id)).toEqual(['2', '1', '4']);
    expect(onDay(items, '2026-11-23', A).map((i) => i.id)).toEqual(['1', '4']);
    expect(onDay(items, '2026-11-24', B)).toEqual([]);
  });

  it('orders equal dates by id so the list is stable', () => {
    const same = [item('a', '2026-11-23T08:00:00.000Z'), item('c', '2026-11-23T08:00:00.000Z'), item('b', '2026-11-23T08:00:00.000Z')];
    expect(newestFirst(same).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('finds a person’s records and merges passages and rencontres', () => {
    const passages = [item('p1', '2026-11-20T10:00:00.000Z', A, ['x']), item('p2', '2026-11-21T10:00:00.000Z', A, ['y'])];
    const encounters = [item('e1', '2026-11-22T10:00:00.000Z', B, ['y', 'x']), item('e2', '2026-11-19T10:00:00.000Z', B, ['x'])];
    expect(ofPerson(passages, 'x').map((i) => i.id)).toEqual(['p1']);
    expect(personTimeline(passages, encounters, 'x')).toEqual([
      { kind: 'encounter', id: 'e1', date: '2026-11-22T10:00:00.000Z', teamId: B },
      { kind: 'passage', id: 'p1', date: '2026-11-20T10:00:00.000Z', teamId: A },
      { kind: 'encounter', id: 'e2', date: '2026-11-19T10:00:00.000Z', teamId: B },
    ]);
  });

  it('says who came to a passage', () => {
    const names = new Map([['x', 'Ada'], ['y', 'Bob']]);
    expect(passageWho({ personIds: ['x', 'y'], anonymousCount: 0 }, names)).toBe('Ada, Bob');
    expect(passageWho({ personIds: [], anonymousCount: 1 }, names)).toBe('Passage anonyme');
    expect(passageWho({ personIds: ['x'], anonymousCount: 3 }, names)).toBe('Ada + Passages anonymes × 3');
  });

  it('names unknown persons', () => {
    expect(namesOf(['x', 'z'], new Map([['x', 'Ada']]))).toEqual(['Ada', 'Personne inconnue']);
  });
});
