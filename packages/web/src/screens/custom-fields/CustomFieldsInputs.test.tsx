import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { newDefinition } from '@relais/core/domain/custom-fields';
import { shownInputs, type FieldInput } from './custom-values-form.ts';
import { CustomFieldsInputs } from './CustomFieldsInputs.tsx';
import type { CustomValuesState } from './useCustomValues.ts';
import { reactRootPerTest } from '../../test/react-root.ts';

const dom = reactRootPerTest();

const id = (n: number) => `0190a1b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const housing = newDefinition({ id: id(1), label: 'Hébergement', type: 'choice', target: 'personSocial', options: ['Rue', 'Squat'], group: 'Situation', required: true });
const income = newDefinition({ id: id(2), label: 'Ressources (€)', type: 'number', target: 'personSocial', group: 'Situation' });
const time = newDefinition({ id: id(3), label: 'Temps passé', type: 'duration', target: 'personSocial' });
const needs = newDefinition({ id: id(4), label: 'Besoins', type: 'multiChoice', target: 'personSocial', options: ['Douche'] });

function render(errors: Record<string, string> = {}) {
  const calls: [string, FieldInput][] = [];
  const definitions = [housing, income, time, needs];
  const stored = { [housing.id]: 'Hôtel', [needs.id]: ['Repas'] };
  const state: CustomValuesState = {
    definitions,
    stored,
    inputs: shownInputs(definitions, stored, null),
    errors,
    set: (definitionId, input) => calls.push([definitionId, input]),
    check: () => ({ ok: true, values: stored, changed: false }),
    dirty: false,
    clear: () => undefined,
  };
  act(() => dom.root.render(<CustomFieldsInputs state={state} />));
  return calls;
}

function control(label: string): HTMLInputElement | HTMLSelectElement {
  const l = [...dom.container.querySelectorAll('label')].find((x) => x.textContent === label);
  const found = l ? document.getElementById(l.htmlFor) : null;
  if (!found) throw new Error(`no control labelled ${label}`);
  return found as HTMLInputElement | HTMLSelectElement;
}

describe('CustomFieldsInputs', () => {
  it('labels every control, under its group, and keeps a removed option selectable and named as such', () => {
    render();
    expect(dom.container.querySelector('h2')?.textContent).toBe('Champs personnalisés');
    expect([...dom.container.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Situation', 'Temps passé', 'Besoins']);
    const select = control('Hébergement') as HTMLSelectElement;
    expect(select.value).toBe('Hôtel');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Non renseigné', 'Rue', 'Squat', 'Hôtel (option retirée de la liste)']);
    const hint = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/^Obligatoire\. L'option « Hôtel » a été retirée/);
    expect(control('Heures')).toBeTruthy();
    expect(control('Minutes')).toBeTruthy();
    expect((control('Repas (option retirée de la liste)') as HTMLInputElement).checked).toBe(true);
  });

  it('links an error to its control and passes what is typed to the draft', () => {
    const calls = render({ [income.id]: 'Veuillez saisir un nombre (par exemple 12 ou 12,5).' });
    const input = control('Ressources (€)') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((x) => document.getElementById(x)?.textContent);
    expect(described).toContain('Veuillez saisir un nombre (par exemple 12 ou 12,5).');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    act(() => {
      setValue?.call(input, '12,5');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(calls).toEqual([[income.id, '12,5']]);
  });

  it('renders nothing when no field applies', () => {
    act(() =>
      dom.root.render(
        <CustomFieldsInputs state={{ definitions: [], stored: {}, inputs: {}, errors: {}, set: () => undefined, check: () => ({ ok: true, values: {}, changed: false }), dirty: false, clear: () => undefined }} />,
      ),
    );
    expect(dom.container.innerHTML).toBe('');
  });
});
