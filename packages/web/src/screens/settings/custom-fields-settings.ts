// The « Champs personnalisés » section's model: the definitions as an administrator edits them
// (options one per line, order by position), and their conversion to and from the settings
// record's map. Pure, tested without rendering. Removing a saved field only marks it removed: its
// label keeps naming the values already stored and the history of their changes (decision 012).
import {
  CHOICE_TYPES,
  CustomFieldDefinition,
  sortedDefinitions,
  type CustomFieldDefinitions,
  type CustomFieldTarget,
  type CustomFieldType,
} from '@relais/core/domain/custom-fields';
import { fromLines, toLines } from './settings-form.ts';

// A type alias, not an interface: the draft must be assignable to Json.
export type DefinitionInput = {
  id: string;
  label: string;
  type: CustomFieldType;
  target: CustomFieldTarget;
  consultationType: string;
  /** One option per line. */
  options: string;
  required: boolean;
  enabledTeamIds: string[];
  inStats: boolean;
  group: string;
  removed: boolean;
};

/** Messages by `<definition id>.<field>` (label, options, type, group, consultationType, enabledTeamIds). */
export type DefinitionErrors = Record<string, string>;

export function toDefinitionInputs(definitions: CustomFieldDefinitions): DefinitionInput[] {
  return sortedDefinitions(definitions).map((d) => ({
    id: d.id,
    label: d.label,
    type: d.type,
    target: d.target,
    consultationType: d.consultationType,
    options: toLines(d.options),
    required: d.required,
    enabledTeamIds: [...d.enabledTeamIds],
    inStats: d.inStats,
    group: d.group,
    removed: d.removed,
  }));
}

export function newDefinitionInput(id: string, target: CustomFieldTarget): DefinitionInput {
  return { id, label: '', type: 'text', target, consultationType: '', options: '', required: false, enabledTeamIds: [], inStats: false, group: '', removed: false };
}

/** The inputs of one target, in order (the list holds every target; order is the position in it). */
export function inputsOf(inputs: readonly DefinitionInput[], target: CustomFieldTarget): DefinitionInput[] {
  return inputs.filter((d) => d.target === target);
}

/** Swaps a definition with the previous (-1) or next (+1) one of the same target. */
export function move(inputs: readonly DefinitionInput[], id: string, direction: -1 | 1): DefinitionInput[] {
  const index = inputs.findIndex((d) => d.id === id);
  const current = inputs[index];
  if (!current) return [...inputs];
  let other = index + direction;
  while (other >= 0 && other < inputs.length && inputs[other]?.target !== current.target) other += direction;
  const swapped = inputs[other];
  if (!swapped) return [...inputs];
  const out = [...inputs];
  out[index] = swapped;
  out[other] = current;
  return out;
}

/**
 * Removing: a field never saved simply goes; a saved one is marked removed, so the values stored
 * under it stay named and readable. `saved` is the record's current map.
 */
export function remove(inputs: readonly DefinitionInput[], id: string, saved: CustomFieldDefinitions): DefinitionInput[] {
  if (!Object.hasOwn(saved, id)) return inputs.filter((d) => d.id !== id);
  return inputs.map((d) => (d.id === id ? { ...d, removed: true } : d));
}

export function restore(inputs: readonly DefinitionInput[], id: string): DefinitionInput[] {
  return inputs.map((d) => (d.id === id ? { ...d, removed: false } : d));
}

export function update(inputs: readonly DefinitionInput[], id: string, patch: Partial<DefinitionInput>): DefinitionInput[] {
  return inputs.map((d) => (d.id === id ? { ...d, ...patch } : d));
}

/**
 * The map to store: every input checked by core's schema (French messages keyed for the form),
 * order from the position in the list, options only for the choice types, and no two fields of
 * the same place with the same name (statistics and exports name columns with it).
 */
export function checkDefinitions(inputs: readonly DefinitionInput[]): { ok: true; definitions: CustomFieldDefinitions } | { ok: false; errors: DefinitionErrors } {
  const definitions: CustomFieldDefinitions = {};
  const errors: DefinitionErrors = {};
  const names = new Map<string, string>();
  inputs.forEach((input, index) => {
    const candidate = {
      id: input.id,
      label: input.label.trim().replace(/\s+/g, ' '),
      type: input.type,
      target: input.target,
      consultationType: input.target === 'consultation' ? input.consultationType.trim() : '',
      options: CHOICE_TYPES.includes(input.type) ? fromLines(input.options) : [],
      required: input.required,
      enabledTeamIds: [...new Set(input.enabledTeamIds)],
      inStats: input.inStats,
      order: index,
      group: input.group.trim().replace(/\s+/g, ' '),
      removed: input.removed,
    };
    const parsed = CustomFieldDefinition.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[`${input.id}.${String(issue.path[0] ?? 'label')}`] ??= issue.message;
      return;
    }
    if (!candidate.removed && candidate.label !== '') {
      const key = `${candidate.target}\u0000${candidate.consultationType}\u0000${candidate.label.toLocaleLowerCase('fr')}`;
      if (names.has(key)) errors[`${input.id}.label`] ??= 'Un autre champ porte déjà ce nom au même endroit.';
      else names.set(key, input.id);
    }
    definitions[input.id] = parsed.data;
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, definitions };
}

/** Options a change takes out of the saved list: said next to it, so nobody fears losing values. */
export function removedOptionLabels(saved: CustomFieldDefinitions, input: DefinitionInput): string[] {
  const before = Object.hasOwn(saved, input.id) ? (saved[input.id]?.options ?? []) : [];
  const after = new Set(CHOICE_TYPES.includes(input.type) ? fromLines(input.options) : []);
  return before.filter((o) => !after.has(o));
}

/** True when a saved field's type changes: its stored values stay as they were written. */
export function typeChanged(saved: CustomFieldDefinitions, input: DefinitionInput): boolean {
  return Object.hasOwn(saved, input.id) && saved[input.id]?.type !== input.type;
}
