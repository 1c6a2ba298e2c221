import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { usePersons } from '../persons/hooks.ts';
import { formatDate } from '../persons/person.ts';
import { matches } from '../search/normalise.ts';
import { StatusMessage } from '../ui/feedback.tsx';
import { plural } from '../ui/format.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

export function PersonsScreen() {
  const state = usePersons();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useMemo(() => (state ? state.persons.filter((p) => matches(p, deferred)) : []), [state, deferred]);

  return (
    <main id="main">
      <div className="title-row">
        <ScreenTitle>Personnes</ScreenTitle>
        <Link href={paths.personNew} className="button primary">
          Nouvelle personne
        </Link>
      </div>
      <div role="search" className="search">
        <label htmlFor="person-search">Rechercher une personne</label>
        <p className="hint" id="person-search-hint">
          Par nom, prénom, surnom ou téléphone, avec ou sans accents.
        </p>
        <input
          id="person-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="person-search-hint"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {state === null ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : (
        <>
          <StatusMessage className="result-count">
            {state.persons.length === 0
              ? 'Aucune personne enregistrée pour le moment.'
              : results.length === 0
                ? `Aucune personne ne correspond à « ${deferred.trim()} ».`
                : plural(results.length, 'personne', 'personnes')}
          </StatusMessage>
          <ul className="person-list" aria-label="Liste des personnes">
            {results.map((person) => (
              <li key={person.id}>
                <Link href={paths.person(person.id)}>
                  <span className="person-name">{person.name}</span>
                  <span className="person-meta">
                    {[person.phone, person.birthDate && `née ou né le ${formatDate(person.birthDate)}`].filter(Boolean).join(' · ')}
                  </span>
                  {person.pending || state.conflicted.has(person.id) ? (
                    <span className="badges">
                      {person.pending ? <span className="badge">Non synchronisée</span> : null}
                      {state.conflicted.has(person.id) ? <span className="badge warning">Conflit</span> : null}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
