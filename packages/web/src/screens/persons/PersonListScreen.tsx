// « Personnes »: the whole file active in one virtualised list, searchable as you type. Two taps
// from anywhere: « Personnes » in the navigation, then the person.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useWorkspace } from '../../app/context.ts';
import { remembered } from '../../app/screen-memory.ts';
import { Link } from '../../app/router.tsx';
import { CheckboxField } from '../../ui/fields.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { useIndex, useIndexGroup, usePersonSearch, useSyncProgress, useTeams } from './data.ts';
import { takeFlash } from '../../ui/flash.ts';
import { localToday } from './labels.ts';
import { activeFilter, conflictedPersons } from './list.ts';
import { ageLabel } from '@relais/core/domain/age';
import { personPaths } from './paths.ts';
import { VirtualList } from './VirtualList.tsx';

/**
 * What the list looked like when the person left it. « ← Personnes » and the browser's back button
 * return to the same search and place; « Personnes » in the navigation starts afresh. A search is
 * personal data: it is kept in the unlocked session's screen memory, gone at lock or logout.
 */
interface ListMemory {
  query: string;
  includeOut: boolean;
  scrollY: number;
}
const MEMORY_KEY = 'persons-list';

/** Where the last « back » navigation landed: an address, no personal data. */
let backTo = '';

// The app's own navigations push history entries without a popstate: a popstate is a « back »
// (or « forward ») to the address it lands on.
window.addEventListener('popstate', () => {
  backTo = location.pathname;
});

/** Called by « ← Personnes » on a person's file. */
export function returnToList(): void {
  backTo = personPaths.list;
}

/** The search and filter to start from; consumes the « back » mark. */
function initialState(memory: ListMemory): ListMemory {
  const back = backTo.replace(/\/$/, '') === personPaths.list;
  backTo = '';
  return back ? { ...memory } : { query: '', includeOut: false, scrollY: 0 };
}

interface PersonItem {
  id: string;
  pending: boolean;
  summary: {
    name: string;
    otherNames: string;
    birthDate: string;
    teamIds: string[];
    highlyVulnerable: boolean;
    outOfActiveList: boolean;
    alerts: boolean;
  };
}

const itemKey = (item: PersonItem) => item.id;

const PersonRow = memo(function PersonRow({
  item,
  conflict,
  teamNames,
  today,
}: {
  item: PersonItem;
  conflict: boolean;
  teamNames: ReadonlyMap<string, string>;
  today: string;
}) {
  const { summary } = item;
  const age = ageLabel(summary.birthDate, today);
  const teams = summary.teamIds.map((id) => teamNames.get(id)).filter((n): n is string => Boolean(n));
  return (
    <Link href={personPaths.person(item.id)} className="person-row">
      <span className="person-name">{summary.name || '(sans nom)'}</span>
      {summary.otherNames || age ? (
        <span className="person-meta">
          {summary.otherNames ? <span className="other-names">{summary.otherNames}</span> : null}
          {summary.otherNames && age ? <span aria-hidden="true"> · </span> : null}
          {age ? <span className="age">{age}</span> : null}
        </span>
      ) : null}
      <span className="badges">
        {summary.alerts ? (
          <span className="badge alert-badge">
            <span aria-hidden="true">⚠ </span>Alerte
          </span>
        ) : null}
        {summary.highlyVulnerable ? <span className="badge danger">Très vulnérable</span> : null}
        {summary.outOfActiveList ? <span className="badge muted">Hors file active</span> : null}
        {conflict ? <span className="badge warning">Conflit</span> : null}
        {item.pending ? <span className="badge">Non synchronisée</span> : null}
        {teams.map((team) => (
          <span key={team} className="badge team">
            {team}
          </span>
        ))}
      </span>
    </Link>
  );
});

function SyncProgressNote() {
  const progress = useSyncProgress();
  if (progress.phase === 'done') return null;
  const received = plural(progress.pulled, 'fiche reçue', 'fiches reçues');
  const of = progress.total ? ` sur ${progress.total.toLocaleString('fr-FR')}` : '';
  return (
    <p className="sync-progress" role="status">
      {progress.phase === 'persons'
        ? `Première synchronisation : réception des personnes (${received}${of})…`
        : `Personnes reçues. Réception du reste des données (${received}${of})… La liste est déjà utilisable.`}
    </p>
  );
}

export function PersonListScreen() {
  const all = useIndex('person');
  // Only the conflict events: the person list must not follow every change of the whole history.
  const conflicts = useIndexGroup('history', 'kind', 'conflict');
  const teams = useTeams();
  const memory = remembered<ListMemory>(useWorkspace().workspace.screenMemory, MEMORY_KEY, () => ({ query: '', includeOut: false, scrollY: 0 }));
  const [initial] = useState(() => initialState(memory));
  const [query, setQuery] = useState(initial.query);
  const [includeOut, setIncludeOut] = useState(initial.includeOut);
  const [flash] = useState(() => takeFlash());
  // Searched at each key, not deferred: a search typed further only looks at the previous
  // matches (search/person-search.ts), and one render per key costs less than two.
  const searching = query.trim() !== '';
  // Alphabetical for an empty query, best match first otherwise.
  const found = usePersonSearch(query);
  const today = localToday();

  const conflicted = useMemo(() => conflictedPersons(conflicts ?? []), [conflicts]);
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  const source = found;
  const { shown, hiddenOut } = useMemo(() => activeFilter(source ?? [], includeOut), [source, includeOut]);
  const renderItem = useCallback(
    (item: PersonItem) => <PersonRow item={item} conflict={conflicted.has(item.id)} teamNames={teamNames} today={today} />,
    [conflicted, teamNames, today],
  );

  useEffect(() => {
    memory.query = query;
    memory.includeOut = includeOut;
  }, [memory, query, includeOut]);

  // Back to where the person was in the list, once it has rows to scroll over (the title took
  // focus first, which scrolled to the top).
  const loaded = found !== null;
  useEffect(() => {
    if (!loaded) return;
    if (initial.scrollY > 0) window.scrollTo(0, initial.scrollY);
    const remember = () => {
      memory.scrollY = window.scrollY;
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, [memory, loaded, initial]);

  const total = all?.length ?? 0;
  let count: string;
  if (source === null) count = 'Chargement…';
  else if (total === 0) count = 'Aucune personne enregistrée pour le moment.';
  else if (shown.length === 0) count = searching ? `Aucune personne ne correspond à « ${query.trim()} ».` : 'Aucune personne dans la file active.';
  else count = `${searching ? plural(shown.length, 'personne trouvée', 'personnes trouvées') : plural(shown.length, 'personne', 'personnes')}.`;
  if (source !== null && hiddenOut > 0) {
    count += hiddenOut === 1 ? ' 1 autre, sortie de la file active, est masquée.' : ` ${hiddenOut} autres, sorties de la file active, sont masquées.`;
  }

  return (
    <main id="main" className="persons-screen">
      <div className="title-row">
        <ScreenTitle>Personnes</ScreenTitle>
        <Link href={personPaths.new} className="button primary small new-person">
          Nouvelle personne
        </Link>
      </div>
      <StatusMessage>{flash ?? ''}</StatusMessage>
      <SyncProgressNote />
      <div role="search" className="search">
        <label htmlFor="person-search">Rechercher une personne</label>
        <p className="hint" id="person-search-hint">
          Nom, surnom ou téléphone ; accents facultatifs.
        </p>
        <input
          id="person-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="person-search-hint"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
        />
      </div>
      <CheckboxField label="Inclure les personnes sorties de la file active" checked={includeOut} onChecked={setIncludeOut} />
      <StatusMessage className="result-count">{count}</StatusMessage>
      <VirtualList
        items={shown}
        itemKey={itemKey}
        estimatedHeight={84}
        label="Liste des personnes"
        className="person-list virtual"
        renderItem={renderItem}
      />
    </main>
  );
}
