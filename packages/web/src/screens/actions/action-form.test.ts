import { describe, expect, it } from 'vitest';
import { emptyAction } from '@relais/core/domain/action';
import { actionFieldsOf, actionForm, changedFields, checkActionForm, newActionForm, withStatus } from './action-form.ts';

const TEAM = '0190a0b0-0000-7000-8000-000000000001';
const PERSON = '0190a0b0-0000-7000-8000-0000000000aa';
const NOW = '2026-11-23T14:05:00.000Z'; // 15:05 in Paris

const filled = () => ({ ...newActionForm('2026-11-23', TEAM, PERSON), title: '  Rendez-vous CAF  ' });

describe('newActionForm', () => {
  it('starts today, to do, for the given team and person', () => {
    const form = newActionForm('2026-11-23', TEAM, PERSON);
    expect(form).toMatchObject({ dueDate: '2026-11-23', status: 'todo', teamIds: [TEAM], personIds: [PERSON], scope: 'one' });
    expect(newActionForm('2026-11-23', '', '')).toMatchObject({ teamIds: [], personIds: [] });
  });
});

describe('withStatus', () => {
  it('fills the completion date when the action becomes done, and keeps it editable', () => {
    const done = withStatus(filled(), 'done', NOW);
    expect(done).toMatchObject({ status: 'done', completedDate: '2026-11-23', completedTime: '15:05' });
    const edited = { ...done, completedDate: '2026-11-20' };
    expect(withStatus(edited, 'done', NOW).completedDate).toBe('2026-11-20');
  });

  it('empties it when the action is to do again', () => {
    const back = withStatus(withStatus(filled(), 'cancelled', NOW), 'todo', NOW);
    expect(back).toMatchObject({ status: 'todo', completedDate: '', completedTime: '' });
  });
});

describe('actionFieldsOf', () => {
  it('trims text, drops the time unless « avec une heure », and turns the completion into an instant', () => {
    const value = { ...withStatus(filled(), 'done', NOW), dueTime: '09:30', withTime: false };
    const fields = actionFieldsOf(value);
    expect(fields.title).toBe('Rendez-vous CAF');
    expect(fields.dueTime).toBe('');
    expect(fields.completedAt).toBe(NOW);
    expect(actionFieldsOf({ ...value, withTime: true }).dueTime).toBe('09:30');
  });

  it('round-trips through actionForm', () => {
    const fields = { ...emptyAction('2026-11-24'), ...actionFieldsOf(withStatus({ ...filled(), withTime: true, dueTime: '10:00' }, 'done', NOW)) };
    expect(actionFieldsOf(actionForm(fields, null))).toEqual(actionFieldsOf(withStatus({ ...filled(), withTime: true, dueTime: '10:00' }, 'done', NOW)));
  });
});

describe('checkActionForm', () => {
  it('accepts a complete action', () => {
    const result = checkActionForm(filled(), true);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rrule).toBe('');
  });

  it('gives French messages under the form fields', () => {
    const result = checkActionForm({ ...filled(), title: ' ', teamIds: [], dueDate: '', withTime: true, dueTime: '' }, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toBe('Veuillez saisir un titre.');
    expect(result.errors.teamIds).toBe('Veuillez choisir au moins une équipe.');
    expect(result.errors.dueDate).toMatch(/échéance/);
    expect(result.errors.dueTime).toMatch(/avec une heure/);
  });

  it('checks the recurrence only when it is in play', () => {
    const weekly = { ...filled(), recurrence: { kind: 'weekly' as const, interval: '1', weekdays: [], custom: '', until: '' } };
    expect(checkActionForm(weekly, false).ok).toBe(true);
    const result = checkActionForm(weekly, true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.weekdays).toMatch(/au moins un jour/);
    const ok = checkActionForm({ ...weekly, recurrence: { ...weekly.recurrence, weekdays: ['MO', 'TH'] } }, true);
    expect(ok).toMatchObject({ ok: true, rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', until: '' });
  });

  it('refuses a completion date that is not a date', () => {
    const result = checkActionForm({ ...withStatus(filled(), 'done', NOW), completedDate: '2026-02-30' }, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.completedDate).toMatch(/date de réalisation/);
  });
});

describe('changedFields', () => {
  it('keeps only what differs, arrays compared by value', () => {
    const before = { title: 'A', categories: ['x'], urgent: false };
    expect(changedFields(before, { title: 'A', categories: ['x'], urgent: true })).toEqual({ urgent: true });
    expect(changedFields(before, { categories: ['x', 'y'] })).toEqual({ categories: ['x', 'y'] });
  });
});
