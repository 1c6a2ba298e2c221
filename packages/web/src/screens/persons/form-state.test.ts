import { describe, expect, it } from 'vitest';
import {
  activeListPatch,
  changedFields,
  checkDates,
  editDraft,
  EMPTY_PERSON,
  formValues,
  isDirty,
  reasonOptions,
  shownValues,
  type PersonFormValues,
} from './form-state.ts';

const stored: PersonFormValues = { ...EMPTY_PERSON, name: 'Dupont Jeanne', phone: '06 11 22 33 44', teamIds: ['t1'] };

describe('formValues', () => {
  it('reads stored fields and fills what is missing or malformed', () => {
    const values = formValues({ name: 'A', gender: 'martian', teamIds: ['t1', 3], highlyVulnerable: 'yes' });
    expect(values).toEqual({ ...EMPTY_PERSON, name: 'A', teamIds: ['t1'] });
    expect(formValues({ gender: 'non_binary' }).gender).toBe('non_binary');
  });
});

describe('drafts', () => {
  it('shows the stored values when nothing was typed', () => {
    expect(shownValues(null, stored)).toEqual(stored);
    expect(changedFields(null, stored)).toEqual({});
    expect(isDirty(null, stored)).toBe(false);
  });

  it('sends only the fields the person changed', () => {
    const draft = editDraft(null, stored, { description: 'Vue place de la gare.' });
    expect(shownValues(draft, stored).description).toBe('Vue place de la gare.');
    expect(changedFields(draft, stored)).toEqual({ description: 'Vue place de la gare.' });
  });

  it('lets untouched fields follow a change made on another device meanwhile', () => {
    const draft = editDraft(null, stored, { description: 'Chien : Filou.' });
    const changedElsewhere = { ...stored, phone: '07 00 00 00 00' };
    expect(shownValues(draft, changedElsewhere).phone).toBe('07 00 00 00 00');
    expect(changedFields(draft, changedElsewhere)).toEqual({ description: 'Chien : Filou.' });
    // A second edit keeps both: the typed description and the untouched phone as stored now.
    const again = editDraft(draft, changedElsewhere, { otherNames: 'Jeannot' });
    expect(changedFields(again, changedElsewhere)).toEqual({ description: 'Chien : Filou.', otherNames: 'Jeannot' });
  });

  it('keeps what was typed over a field changed elsewhere, and forgets a field typed back', () => {
    const draft = editDraft(null, stored, { phone: '06 99 99 99 99' });
    const changedElsewhere = { ...stored, phone: '07 00 00 00 00' };
    expect(shownValues(draft, changedElsewhere).phone).toBe('06 99 99 99 99');
    const back = editDraft(draft, changedElsewhere, { phone: stored.phone });
    expect(changedFields(back, changedElsewhere)).toEqual({});
  });

  it('trims text and compares lists by value', () => {
    const draft = editDraft(null, stored, { name: '  Dupont Jeanne ', teamIds: ['t1'] });
    expect(changedFields(draft, stored)).toEqual({});
    const teams = editDraft(null, stored, { teamIds: ['t1', 't2'] });
    expect(changedFields(teams, stored)).toEqual({ teamIds: ['t1', 't2'] });
  });

  it('builds a new person from the empty values', () => {
    const draft = editDraft(null, EMPTY_PERSON, { name: 'Martin Karim' });
    expect(changedFields(draft, EMPTY_PERSON)).toEqual({ name: 'Martin Karim' });
    expect(shownValues(draft, EMPTY_PERSON)).toEqual({ ...EMPTY_PERSON, name: 'Martin Karim' });
  });
});

describe('active list', () => {
  it('defaults the exit date to today and clears everything on return', () => {
    expect(activeListPatch(true, stored, '2026-06-15')).toEqual({ outOfActiveList: true, outOfActiveListDate: '2026-06-15' });
    expect(activeListPatch(true, { ...stored, outOfActiveListDate: '2026-01-02' }, '2026-06-15').outOfActiveListDate).toBe('2026-01-02');
    expect(activeListPatch(false, stored, '2026-06-15')).toEqual({ outOfActiveList: false, outOfActiveListDate: '', outOfActiveListReasons: [] });
  });

  it('still offers motifs removed from the settings when the person holds them', () => {
    expect(reasonOptions(['Relogement', 'Décès'], ['Décès', 'Ancien motif'])).toEqual([
      { value: 'Relogement', removed: false },
      { value: 'Décès', removed: false },
      { value: 'Ancien motif', removed: true },
    ]);
  });
});

describe('checkDates', () => {
  const today = '2026-06-15';
  it('refuses dates in the future and an exit without a date', () => {
    expect(checkDates({ ...stored, birthDate: '2026-06-16' }, today).birthDate).toMatch(/futur/);
    expect(checkDates({ ...stored, birthDate: '1899-12-31' }, today).birthDate).toMatch(/1900/);
    expect(checkDates({ ...stored, followedSince: '2027-01-01' }, today).followedSince).toBeDefined();
    expect(checkDates({ ...stored, outOfActiveList: true }, today).outOfActiveListDate).toMatch(/date de sortie/);
    expect(checkDates({ ...stored, birthDate: '1970-05-04', streetSince: today, outOfActiveList: true, outOfActiveListDate: today }, today)).toEqual({});
  });
});
