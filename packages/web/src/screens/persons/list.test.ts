import { describe, expect, it } from 'vitest';
import { activeFilter, conflictedPersons } from './list.ts';

const row = (id: string, name: string, outOfActiveList = false) => ({ id, summary: { name, outOfActiveList } });

describe('person list', () => {
  it('leaves out persons out of the active list unless asked, and counts them', () => {
    const rows = [row('1', 'A'), row('2', 'B', true), row('3', 'C', true)];
    expect(activeFilter(rows, false)).toEqual({ shown: [rows[0]], hiddenOut: 2 });
    expect(activeFilter(rows, true)).toEqual({ shown: rows, hiddenOut: 0 });
  });

  it('finds the persons with a conflict in the history', () => {
    const ids = conflictedPersons([
      { summary: { kind: 'conflict', recordCollection: 'person', recordId: 'p1' } },
      { summary: { kind: 'change', recordCollection: 'person', recordId: 'p2' } },
      { summary: { kind: 'conflict', recordCollection: 'action', recordId: 'a1' } },
    ]);
    expect([...ids]).toEqual(['p1']);
  });
});
