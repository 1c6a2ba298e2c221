// A family link between two persons (« frère », « conjointe »…), read from either side.
import { z } from 'zod';
import { id, MESSAGES, recordMeta, requiredText, type FieldLabels } from './fields.ts';

export const FamilyLinkFieldsObject = z.object(
  {
    personIds: z.tuple([id('Veuillez choisir une personne.'), id('Veuillez choisir une personne.')], {
      error: 'Veuillez choisir les deux personnes liées.',
    }),
    relation: requiredText(200, 'Veuillez décrire le lien (par exemple « frère » ou « conjointe »).'),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const FamilyLinkFields = FamilyLinkFieldsObject.superRefine((link, ctx) => {
  if (link.personIds[0] === link.personIds[1]) {
    ctx.addIssue({ code: 'custom', path: ['personIds'], message: 'Une personne ne peut pas être liée à elle-même.' });
  }
});
export type FamilyLinkFields = z.infer<typeof FamilyLinkFields>;

export function emptyFamilyLink(personId = '', otherPersonId = ''): FamilyLinkFields {
  return { personIds: [personId, otherPersonId], relation: '' };
}

export const FAMILY_LINK_FIELD_LABELS: FieldLabels<FamilyLinkFields> = { personIds: 'Personnes', relation: 'Lien' };

/** The other person of a link seen from `personId` (null when the link is not theirs). */
export function otherPersonOf(link: Pick<FamilyLinkFields, 'personIds'>, personId: string): string | null {
  const [a, b] = link.personIds;
  if (a === personId) return b;
  if (b === personId) return a;
  return null;
}

export interface FamilyLinkSummary {
  personIds: [string, string];
  relation: string;
}

export function summariseFamilyLink(f: FamilyLinkFields): FamilyLinkSummary {
  return { personIds: f.personIds, relation: f.relation };
}

export function familyLinkLabel(f: FamilyLinkFields): string {
  return `Lien familial : ${f.relation}`;
}
