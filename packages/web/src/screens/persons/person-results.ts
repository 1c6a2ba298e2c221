// What the person list shows for a search: the rows, the count sentence and the persons to read
// ahead. The query lives here, outside React's state: a key typed in the search box is answered by
// the screen in the key's own task (search, rows, count) and React renders nothing, which was a
// fifth of a keystroke's work on a slowed phone (decision 015, seventh session).
import type { PersonSummary } from '@relais/core/domain/person';
import type { Item } from '../../data/types.ts';
import type { PersonSearch } from '../../search/person-search.ts';
import { plural } from '../../ui/format.ts';
import { activeFilter } from './list.ts';

/** A search showing this many persons or fewer has their files read ahead (one of them is about to be opened). */
export const READ_AHEAD_MAX = 8;

export interface ResultsView {
  /** The rows, best match first (alphabetical for an empty query); empty while loading. */
  shown: readonly Item<PersonSummary>[];
  /** The sentence read above the list (and announced: it sits in a status region). */
  count: string;
  /** Ids of the few persons to read ahead, comma-separated; '' when there are too many or none. */
  readAhead: string;
  /** Whether the index has arrived. */
  loaded: boolean;
}

interface Inputs {
  search: PersonSearch | null;
  /** Persons in the index, whether shown or not. */
  total: number;
  includeOut: boolean;
  query: string;
}

/** The count sentence: loading, nobody yet, no match, or how many are shown and how many are hidden for being out of the active list. */
export function countSentence(loaded: boolean, total: number, query: string, shown: number, hiddenOut: number): string {
  if (!loaded) return 'Chargement…';
  if (total === 0) return 'Aucune personne enregistrée pour le moment.';
  const searching = query.trim() !== '';
  let count: string;
  if (shown === 0) count = searching ? `Aucune personne ne correspond à « ${query.trim()} ».` : 'Aucune personne dans la file active.';
  else count = `${searching ? plural(shown, 'personne trouvée', 'personnes trouvées') : plural(shown, 'personne', 'personnes')}.`;
  if (hiddenOut > 0) {
    count += hiddenOut === 1 ? ' 1 autre, sortie de la file active, est masquée.' : ` ${hiddenOut} autres, sorties de la file active, sont masquées.`;
  }
  return count;
}

/**
 * The list's results, remembered for the inputs they were made for: asking again with the same
 * inputs (a render for another reason) gives the same view, so the rows are not patched again.
 */
export class PersonResults {
  #inputs: Inputs | null = null;
  #view: ResultsView | null = null;

  /** What is in the search box, as typed. */
  constructor(public query: string) {}

  view(search: PersonSearch | null, total: number, includeOut: boolean): ResultsView {
    const inputs: Inputs = { search, total, includeOut, query: this.query };
    const last = this.#inputs;
    if (this.#view && last && last.search === search && last.total === total && last.includeOut === includeOut && last.query === inputs.query) return this.#view;
    const found = search ? search.search(inputs.query) : null;
    const { shown, hiddenOut } = activeFilter(found ?? [], includeOut);
    const searching = inputs.query.trim() !== '';
    this.#inputs = inputs;
    this.#view = {
      shown,
      count: countSentence(found !== null, total, inputs.query, shown.length, hiddenOut),
      readAhead: searching && shown.length > 0 && shown.length <= READ_AHEAD_MAX ? shown.map((item) => item.id).join(',') : '',
      loaded: found !== null,
    };
    return this.#view;
  }
}
