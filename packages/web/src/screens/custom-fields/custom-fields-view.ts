// What a record's custom fields look like on its file: label → French value, in display order,
// under their group headings. Pure, tested without rendering.
import {
  appliesTo,
  displayCustomValue,
  groupDefinitions,
  sortedDefinitions,
  type CustomFieldDefinitions,
  type CustomFieldTarget,
  type CustomValues,
} from '@relais/core/domain/custom-fields';

export interface ShownCustomField {
  id: string;
  label: string;
  group: string;
  value: string;
  multiline: boolean;
}

/**
 * The fields enabled for the team, then any other field of the target that holds a value
 * (another team's, or one an administrator removed since), so nothing stored is hidden.
 */
export function shownCustomFields(definitions: CustomFieldDefinitions, values: Readonly<CustomValues>, target: CustomFieldTarget, teamId: string): ShownCustomField[] {
  const out: ShownCustomField[] = [];
  const sorted = sortedDefinitions(definitions).filter((d) => d.target === target);
  for (const group of groupDefinitions(sorted)) {
    for (const d of group.definitions) {
      const enabled = appliesTo(d, { target, teamId });
      if (!enabled && !Object.hasOwn(values, d.id)) continue;
      const note = d.removed ? ' (champ retiré)' : enabled ? '' : ' (champ d’une autre équipe)';
      out.push({ id: d.id, label: `${d.label}${note}`, group: group.name, value: displayCustomValue(d, values[d.id]), multiline: d.type === 'longText' });
    }
  }
  return out;
}

/** A whole `customFields` map in one line (a conflict of that field): « Label : valeur ; … ». */
export function customValuesText(definitions: CustomFieldDefinitions, values: Readonly<CustomValues>): string {
  const parts = sortedDefinitions(definitions)
    .filter((d) => Object.hasOwn(values, d.id))
    .map((d) => `${d.label} : ${displayCustomValue(d, values[d.id])}`);
  const unknown = Object.keys(values).filter((id) => !Object.hasOwn(definitions, id)).length;
  if (unknown > 0) parts.push(unknown === 1 ? '1 champ inconnu' : `${unknown} champs inconnus`);
  return parts.length > 0 ? parts.join(' ; ') : '(vide)';
}
