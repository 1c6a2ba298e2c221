// « Personnes »: the whole file active in one virtualised list, searchable as you type. Two taps
// from anywhere: « Personnes » in the navigation, then the person.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWorkspace } from '../../app/context.ts';
import { remembered } from '../../app/screen-memory.ts';
import { warmUpWhenIdle, whenIdle } from '../../app/warm-up.ts';
import { currentArrival, Link } from '../../app/router.tsx';
import { CheckboxField } from '../../ui/fields.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { useIndex, useIndexGroup, usePersonSearcher, useReadPersonFilesAhead, useSyncProgress, useTeams } from './data.ts';
import { takeFlash } from '../../ui/flash.ts';
import { localDate } from '../../ui/dates.ts';
import { conflictedPersons } from './list.ts';
import { PersonResults, type ResultsView } from './person-results.ts';
import { personPaths } from './paths.ts';
import { VirtualList } from './VirtualList.tsx';
import type { WindowedRows } from './windowed-rows.ts';
import { fillPersonRow, type PersonRowItem } from './person-row.ts';
import { warmUpFileFormats } from './warm-up-formats.ts';

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
const freshMemory = (): ListMemory => ({ query: '', includeOut: false, scrollY: 0 });

/** The search and filter to start from: those left on a return, none on a fresh visit (which forgets them). */
function initialState(memory: ListMemory): ListMemory {
  if (currentArrival() === 'fresh') Object.assign(memory, freshMemory());
  return { ...memory };
}

const itemKey = (item: PersonRowItem) => item.id;

/** A search narrowed to a few persons has their files read ahead once nothing was typed for this long. */
const READ_AHEAD_PAUSE_MS = 150;

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
  const memory = remembered(useWorkspace().workspace.screenMemory, MEMORY_KEY, freshMemory);
  const [initial] = useState(() => initialState(memory));
  // The query is not React state: a key typed is answered by `show` below, in the key's task.
  const [results] = useState(() => new PersonResults(initial.query));
  const [includeOut, setIncludeOut] = useState(initial.includeOut);
  const [flash] = useState(() => takeFlash());
  const search = usePersonSearcher();
  const today = localDate(Date.now());

  const conflicted = useMemo(() => conflictedPersons(conflicts ?? []), [conflicts]);
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  const renderRow = useCallback(
    (row: HTMLLIElement, item: PersonRowItem) => fillPersonRow(row, item, { conflicted, teamNames, today }),
    [conflicted, teamNames, today],
  );
  const total = all?.length ?? 0;
  // Read during the render: the results are remembered for their inputs, query included, and the
  // same view comes back until one of them changes.
  const view = results.view(search, total, includeOut);

  const rows = useRef<WindowedRows<PersonRowItem> | null>(null);
  const countRef = useRef<HTMLDivElement>(null);
  const readAheadTimer = useRef<{ ids: string; timer?: ReturnType<typeof setTimeout> }>({ ids: '' });
  useEffect(() => () => clearTimeout(readAheadTimer.current.timer), []);

  // A search narrowed to a few persons: one of them is about to be opened. Their files are read
  // ahead once the typing pauses, so the one opened renders complete at once (decision 015).
  const readAhead = useReadPersonFilesAhead();
  const show = useCallback(
    (next: ResultsView) => {
      // The count first: the rows' measuring layout then covers its change too, and the frame has
      // only the list's new padding left to lay out.
      const count = countRef.current;
      if (count && count.textContent !== next.count) count.textContent = next.count;
      rows.current?.setItems(next.shown, renderRow);
      const pending = readAheadTimer.current;
      if (pending.ids === next.readAhead) return;
      clearTimeout(pending.timer);
      pending.ids = next.readAhead;
      pending.timer = next.readAhead === '' ? undefined : setTimeout(() => readAhead(next.readAhead.split(',')), READ_AHEAD_PAUSE_MS);
    },
    [renderRow, readAhead],
  );
  // After a render (the index, the teams or the filter changed): in its commit, before the paint.
  useLayoutEffect(() => show(view), [show, view]);
  const onQuery = (query: string) => {
    results.query = query;
    memory.query = query;
    show(results.view(search, total, includeOut));
  };

  // A row being touched (a tap's release comes ~100 ms later) or reached with the keyboard is read ahead too.
  const readRowAhead = useCallback(
    (event: { target: EventTarget }) => {
      const id = (event.target as Element).closest<HTMLElement>('[data-key]')?.dataset.key;
      if (id) readAhead([id]);
    },
    [readAhead],
  );

  useEffect(() => {
    memory.includeOut = includeOut;
  }, [memory, includeOut]);

  // Back to where the person was in the list, once it has rows to scroll over (the title took
  // focus first, which scrolled to the top).
  const loaded = view.loaded;
  useEffect(() => {
    if (!loaded) return;
    // A file is what is opened next: its rendering and its date formats are warmed up once the list is there.
    warmUpWhenIdle('file', 1_000);
    whenIdle(() => warmUpFileFormats(), 1_500);
    if (initial.scrollY > 0) window.scrollTo(0, initial.scrollY);
    const remember = () => {
      memory.scrollY = window.scrollY;
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, [memory, loaded, initial]);

  return (
    <main id="main" className="persons-screen" onPointerDown={readRowAhead} onFocus={readRowAhead}>
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
          defaultValue={initial.query}
          onChange={(e) => onQuery(e.target.value)}
          aria-describedby="person-search-hint"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
        />
      </div>
      <CheckboxField label="Inclure les personnes sorties de la file active" checked={includeOut} onChecked={setIncludeOut} />
      {/* Its text is written by `show`, at each key as at each render; React gives it none. */}
      <div role="status" className="result-count" ref={countRef} />
      <VirtualList
        items={view.shown}
        itemKey={itemKey}
        estimatedHeight={84}
        label="Liste des personnes"
        className="person-list virtual"
        renderRow={renderRow}
        rowsRef={rows}
      />
    </main>
  );
}
