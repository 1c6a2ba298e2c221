// The consultation types as typed in the settings (one per line): trimmed, blank lines dropped,
// repeats kept once (compared without case or accents), within core's limits.
const MAX_TYPES = 100;
const MAX_LENGTH = 200;

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

export function checkConsultationTypes(text: string): { ok: true; types: string[] } | { ok: false; error: string } {
  const types: string[] = [];
  for (const line of text.split('\n')) {
    const type = line.trim();
    if (type === '' || types.some((t) => collator.compare(t, type) === 0)) continue;
    if (type.length > MAX_LENGTH) return { ok: false, error: `Un type dépasse ${MAX_LENGTH} caractères : « ${type.slice(0, 30)}… ».` };
    types.push(type);
  }
  if (types.length === 0) return { ok: false, error: 'Veuillez saisir au moins un type de consultation.' };
  if (types.length > MAX_TYPES) return { ok: false, error: `Au plus ${MAX_TYPES} types de consultation.` };
  return { ok: true, types };
}
