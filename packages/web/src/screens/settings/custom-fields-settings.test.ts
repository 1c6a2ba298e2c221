import { describe, expect, it } from 'vitest';
import { CustomFieldDefinitions, newDefinition } from '@relais/core/domain/custom-fields';
import {
  checkDefinitions,
  inputsOf,
  move,
  newDefinitionInput,
  remove,
  removedOptionLabels,
  restore,
  toDefinitionInputs,
  typeChanged,
  update,
} from './custom-fields-settings.ts';

const id = (n: number) => `0190a1b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const TEAM_A = id(0xa);

const saved = {
  [id(1)]: newDefinition({ id: id(1), label: 'Hébergement', type: 'choice', target: 'personSocial', options: ['Rue', 'Squat', 'Hôtel'], order: 1 }),
  [id(2)]: newDefinition({ id: id(2), label: 'Ressources', type: 'number', target: 'personSocial', order: 0, group: 'Droits', inStats: true }),
  [id(3)]: newDefinition({ id: id(3), label: 'Météo', type: 'multiChoice', target: 'observation', options: ['Pluie', 'Froid'], order: 2 }),
};

describe('custom fields settings', () => {
  it('round-trips the saved definitions, options one per line, order by position', () => {
    const inputs = toDefinitionInputs(saved);
    expect(inputs.map((d) => d.label)).toEqual(['Ressources', 'Hébergement', 'Météo']);
    expect(inputs[1]!.options).toBe('Rue\nSquat\nHôtel');
    const checked = checkDefinitions(inputs);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(CustomFieldDefinitions.parse(checked.definitions)).toEqual(checked.definitions);
    expect(checked.definitions[id(2)]).toEqual({ ...saved[id(2)], order: 0 });
    expect(checked.definitions[id(1)]).toEqual({ ...saved[id(1)], order: 1 });
  });

  it('adds, edits and reorders within one place, trimming what was typed', () => {
    let inputs = [...toDefinitionInputs(saved), newDefinitionInput(id(4), 'personSocial')];
    inputs = update(inputs, id(4), { label: '  Pièce   d’identité ', type: 'checkbox', options: 'ignorée', enabledTeamIds: [TEAM_A, TEAM_A], group: ' Droits ' });
    inputs = move(inputs, id(4), -1);
    // Météo (observation) sits between them in the list but is skipped: moves stay within a place.
    expect(inputsOf(inputs, 'personSocial').map((d) => d.id)).toEqual([id(2), id(4), id(1)]);
    expect(move(inputs, id(2), -1)).toEqual(inputs);
    const checked = checkDefinitions(inputs);
    expect(checked.ok && checked.definitions[id(4)]).toEqual(
      newDefinition({ id: id(4), label: 'Pièce d’identité', type: 'checkbox', target: 'personSocial', enabledTeamIds: [TEAM_A], group: 'Droits', order: 1 }),
    );
  });

  it('refuses a field without a name, a choice without options, or two fields of one name in one place, in French', () => {
    let inputs = [...toDefinitionInputs(saved), newDefinitionInput(id(5), 'personSocial'), newDefinitionInput(id(6), 'personSocial')];
    inputs = update(inputs, id(6), { label: 'hébergement', type: 'choice', options: '\n \n' });
    expect(checkDefinitions(inputs)).toEqual({
      ok: false,
      errors: {
        [`${id(5)}.label`]: 'Veuillez nommer le champ.',
        [`${id(6)}.options`]: 'Veuillez saisir au moins une option.',
      },
    });
    inputs = update(inputs, id(6), { options: 'A' });
    inputs = update(inputs, id(5), { label: 'Météo' });
    expect(checkDefinitions(inputs)).toEqual({ ok: false, errors: { [`${id(6)}.label`]: 'Un autre champ porte déjà ce nom au même endroit.' } });
  });

  it('marks a saved field removed (its values stay named) but drops one never saved', () => {
    const inputs = [...toDefinitionInputs(saved), newDefinitionInput(id(7), 'consultation')];
    const afterRemove = remove(remove(inputs, id(1), saved), id(7), saved);
    expect(afterRemove.map((d) => [d.id, d.removed])).toEqual([
      [id(2), false],
      [id(1), true],
      [id(3), false],
    ]);
    const checked = checkDefinitions(afterRemove);
    expect(checked.ok && checked.definitions[id(1)]?.removed).toBe(true);
    expect(restore(afterRemove, id(1)).find((d) => d.id === id(1))?.removed).toBe(false);
  });

  it('says which options a change removes and when a type changes', () => {
    const [, housing] = toDefinitionInputs(saved);
    expect(removedOptionLabels(saved, { ...housing!, options: 'Rue\nCaravane' })).toEqual(['Squat', 'Hôtel']);
    expect(removedOptionLabels(saved, { ...housing!, type: 'text' })).toEqual(['Rue', 'Squat', 'Hôtel']);
    expect(typeChanged(saved, { ...housing!, type: 'text' })).toBe(true);
    expect(typeChanged(saved, housing!)).toBe(false);
    expect(typeChanged(saved, newDefinitionInput(id(8), 'observation'))).toBe(false);
  });
});
