// Picking a place by name: accent- and case-insensitive, places already linked left out, and the
// exact match (if any) so that typing an existing name never creates a duplicate.
import { normaliseForSearch as normaliseText } from '@relais/core/domain/search';

export interface PlaceOption {
  id: string;
  name: string;
}

const MAX_SUGGESTIONS = 8;

export function matchingPlaces(
  places: readonly PlaceOption[],
  query: string,
  linked: ReadonlySet<string>,
): { suggestions: PlaceOption[]; exact: PlaceOption | null } {
  const q = normaliseText(query);
  if (!q) return { suggestions: [], exact: null };
  const words = q.split(' ');
  let exact: PlaceOption | null = null;
  const suggestions: PlaceOption[] = [];
  for (const place of places) {
    const name = normaliseText(place.name);
    if (name === q) exact = place;
    if (!linked.has(place.id) && words.every((w) => name.includes(w))) suggestions.push(place);
  }
  suggestions.sort((a, b) => Number(normaliseText(b.name) === q) - Number(normaliseText(a.name) === q) || a.name.localeCompare(b.name, 'fr'));
  return { suggestions: suggestions.slice(0, MAX_SUGGESTIONS), exact };
}
