import { describe, expect, it } from 'vitest';
import { changeEntries, compareHistoryNewestFirst, HistoryFields, historyLabel, summariseHistory } from './history.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, TEAM_A, TEAM_B, testId, USER_1 } from './test-support.ts';

const at = '2026-11-23T10:00:00.000Z';

describe('change history', () => {
  it('records one entry per changed field, with before and after', () => {
    const before = { name: 'Hélène', phone: '', teamIds: [TEAM_A], highlyVulnerable: false, createdAt: '2026-01-01T00:00:00.000Z' };
    const after = { name: 'Hélène Dupré', phone: '', teamIds: [TEAM_A, TEAM_B], highlyVulnerable: true, createdAt: '2026-02-01T00:00:00.000Z' };
    const entries = changeEntries('person', PERSON_1, before, after, USER_1, at);
    expect(entries).toEqual([
      { kind: 'change', recordCollection: 'person', recordId: PERSON_1, field: 'highlyVulnerable', before: false, after: true, at, by: USER_1 },
      { kind: 'change', recordCollection: 'person', recordId: PERSON_1, field: 'name', before: 'Hélène', after: 'Hélène Dupré', at, by: USER_1 },
      { kind: 'change', recordCollection: 'person', recordId: PERSON_1, field: 'teamIds', before: [TEAM_A], after: [TEAM_A, TEAM_B], at, by: USER_1 },
    ]);
    for (const entry of entries) expect(HistoryFields.safeParse(entry).success).toBe(true);
  });

  it('records a field that appears as changed from null, and nothing for a new record', () => {
    expect(changeEntries('person', PERSON_1, {}, { alerts: 'Attention' }, USER_1, at)).toMatchObject([{ field: 'alerts', before: null, after: 'Attention' }]);
    expect(changeEntries('person', PERSON_1, null, { name: 'X' }, USER_1, at)).toEqual([]);
    // A field named like an Object property is a field like any other.
    const before = JSON.parse('{"__proto__":"a","constructor":"c"}') as Record<string, string>;
    const after = JSON.parse('{"__proto__":"b","constructor":"c"}') as Record<string, string>;
    expect(changeEntries('person', PERSON_1, before, after, USER_1, at)).toMatchObject([{ field: '__proto__', before: 'a', after: 'b' }]);
  });

  it('accepts the conflict records the sync engine writes', () => {
    const conflict = {
      kind: 'conflict',
      recordCollection: 'person',
      recordId: PERSON_1,
      field: 'phone',
      keptValue: '0612',
      setAsideValue: '0699',
      keptStamp: `2026-11-23T10:00:01.000Z|${USER_1}`,
      setAsideStamp: `2026-11-23T10:00:00.000Z|${testId(9)}`,
    };
    const parsed = HistoryFields.parse(conflict);
    expect(summariseHistory(parsed)).toEqual({ kind: 'conflict', recordCollection: 'person', recordId: PERSON_1, at: '2026-11-23T10:00:01.000Z' });
    expect(historyLabel(parsed)).toBe('Conflit résolu : phone');
  });

  it('refuses an unknown collection or kind', () => {
    expect(validateFields('history', { kind: 'change', recordCollection: 'people', recordId: PERSON_1, field: 'x', before: 1, after: 2, at, by: USER_1 })).toMatchObject({
      ok: false,
      errors: { recordCollection: expect.any(String) },
    });
    expect(validateFields('history', { kind: 'edit' })).toEqual({ ok: false, errors: { kind: 'Les données de la fiche sont invalides.' } });
  });

  it('sorts newest first', () => {
    const a = { id: testId(1), summary: { kind: 'change' as const, recordCollection: 'person' as const, recordId: PERSON_1, at: '2026-11-23T10:00:00.000Z' } };
    const b = { id: testId(2), summary: { ...a.summary, at: '2026-11-23T11:00:00.000Z' } };
    expect([a, b].sort(compareHistoryNewestFirst).map((x) => x.id)).toEqual([testId(2), testId(1)]);
  });
});
