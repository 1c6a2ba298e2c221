import { describe, expect, it } from 'vitest';
import { addPartner, reportPatch } from './report-edit.ts';

describe('addPartner', () => {
  it('adds a trimmed name once', () => {
    expect(addPartner(['Samu social'], '  Croix   Rouge ')).toEqual({ list: ['Samu social', 'Croix Rouge'] });
    expect(addPartner(['Samu social'], 'SAMU SOCIAL')).toEqual({ list: ['Samu social'], error: '« SAMU SOCIAL » est déjà dans la liste.' });
    expect(addPartner([], '   ').error).toBe('Veuillez saisir le nom du partenaire.');
    expect(addPartner([], 'x'.repeat(201)).error).toMatch(/trop long/);
  });
});

describe('reportPatch', () => {
  it('writes everything for a new report', () => {
    expect(reportPatch(null, { text: '', coInterventions: [] })).toEqual({ text: '', coInterventions: [] });
  });

  it('writes only the changed fields', () => {
    const stored = { text: 'Nuit calme', coInterventions: ['Samu social'] };
    expect(reportPatch(stored, { text: 'Nuit calme', coInterventions: ['Samu social'] })).toEqual({});
    expect(reportPatch(stored, { text: 'Nuit agitée', coInterventions: ['Samu social'] })).toEqual({ text: 'Nuit agitée' });
    expect(reportPatch(stored, { text: 'Nuit calme', coInterventions: [] })).toEqual({ coInterventions: [] });
  });
});
