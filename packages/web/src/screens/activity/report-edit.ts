// The editable part of a compte-rendu (text, co-interventions) and what a save writes: only the
// fields that changed, so a colleague's edit of the other field is never overwritten by a stale copy.

export interface ReportEdit {
  text: string;
  coInterventions: string[];
}

export const PARTNER_MAX = 200;

/** The list with one more partner; unchanged when the name is blank or already there (any case). */
export function addPartner(list: readonly string[], name: string): { list: string[]; error?: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) return { list: [...list], error: 'Veuillez saisir le nom du partenaire.' };
  if (trimmed.length > PARTNER_MAX) return { list: [...list], error: `Ce nom est trop long (${PARTNER_MAX} caractères au maximum).` };
  const lower = trimmed.toLocaleLowerCase('fr');
  if (list.some((p) => p.toLocaleLowerCase('fr') === lower)) return { list: [...list], error: `« ${trimmed} » est déjà dans la liste.` };
  return { list: [...list, trimmed] };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The fields to write: everything for a new report, else only what differs from the stored one. */
export function reportPatch(stored: ReportEdit | null, edit: ReportEdit): Partial<ReportEdit> {
  if (!stored) return { text: edit.text, coInterventions: edit.coInterventions };
  const patch: Partial<ReportEdit> = {};
  if (stored.text !== edit.text) patch.text = edit.text;
  if (!sameList(stored.coInterventions, edit.coInterventions)) patch.coInterventions = edit.coInterventions;
  return patch;
}
