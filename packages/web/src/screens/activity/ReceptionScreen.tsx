// « Accueil » mode for reception places (accueil de jour, permanence): everything at the desk on
// one screen with large touch targets — log a passage in one tap, create a person with only a
// name, count the day's services.
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import { emptyPerson } from '@relais/core/domain/person';
import { passageHeadcount } from '@relais/core/domain/passage';
import { Link } from '../../app/router.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { onDay, passageWho } from './activity.ts';
import { TeamSelect, useTeam } from './controls.tsx';
import { useIndex, usePersonSearch, useWriter } from './data.ts';
import { usePersonNames } from './hooks.ts';
import { activityPaths } from './paths.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { ServiceCounters } from './ServiceCounters.tsx';
import { formatClock, localDate } from '../../ui/dates.ts';

const MAX_RESULTS = 6;
const RECENT = 5;

interface Logged {
  passageId: string;
  text: string;
}

export function ReceptionScreen() {
  const { teamId, setTeamId, teams } = useTeam();
  const writer = useWriter();
  const names = usePersonNames();
  const passages = useIndex('passage');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const found = usePersonSearch(deferred);
  const results = useMemo(() => (deferred && found ? found.slice(0, MAX_RESULTS) : []), [deferred, found]);
  const [newName, setNewName] = useState('');
  const [newNameError, setNewNameError] = useState<string | undefined>(undefined);
  const [logged, setLogged] = useState<Logged | null>(null);
  const [error, setError] = useState('');
  const busy = useRef(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const today = localDate(Date.now());
  const todays = useMemo(() => (passages ? onDay(passages, today, teamId) : []), [passages, today, teamId]);
  const headcount = todays.reduce((sum, p) => sum + passageHeadcount(p.summary), 0);

  /** Writes a passage now for the chosen team; one tap, no form. */
  const logPassage = async (personIds: string[], label: string) => {
    if (busy.current) return;
    if (!teamId) {
      setError("Choisissez d'abord une équipe.");
      return;
    }
    busy.current = true;
    setError('');
    try {
      const date = new Date().toISOString();
      const passageId = await writer.create('passage', { date, teamId, personIds, anonymousCount: personIds.length === 0 ? 1 : 0, comment: '' });
      setLogged({ passageId, text: `${label} : passage enregistré à ${formatClock(date)}.` });
      setQuery('');
    } catch (e) {
      setError(saveFailure(e).message);
    } finally {
      busy.current = false;
    }
  };

  const undo = async () => {
    if (!logged || busy.current) return;
    busy.current = true;
    try {
      await writer.remove('passage', logged.passageId);
      setLogged({ passageId: '', text: 'Passage annulé (il est dans la corbeille).' });
    } catch (e) {
      setError(saveFailure(e).message);
    } finally {
      busy.current = false;
    }
  };

  const createPerson = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) {
      setNewNameError('Veuillez saisir un nom, un prénom ou un surnom.');
      return;
    }
    if (name.length > 200) {
      setNewNameError('Ce texte est trop long (200 caractères au maximum).');
      return;
    }
    if (busy.current) return;
    if (!teamId) {
      setError("Choisissez d'abord une équipe.");
      return;
    }
    setNewNameError(undefined);
    busy.current = true;
    let personId: string;
    try {
      personId = await writer.create('person', { ...emptyPerson(), name, teamIds: [teamId] });
    } catch (e) {
      const failure = saveFailure(e);
      setNewNameError(failure.fields.name);
      setError(failure.fields.name ? '' : failure.message);
      busy.current = false;
      return;
    }
    busy.current = false;
    setNewName('');
    await logPassage([personId], `${name} (nouvelle personne)`);
    searchInput.current?.focus();
  };

  return (
    <main id="main" className="reception">
      <ScreenTitle>Accueil</ScreenTitle>
      <TeamSelect teams={teams} value={teamId} onValue={setTeamId} />
      <p className="reception-today">
        Aujourd’hui : <strong>{plural(headcount, 'passage', 'passages')}</strong>
      </p>
      <div role="status" className={logged || error ? 'reception-status' : 'reception-status empty'}>
        {error ? <p className="field-error">{error}</p> : null}
        {logged ? <p className="ok">{logged.text}</p> : null}
      </div>
      {logged?.passageId ? (
        <p>
          <button type="button" className="secondary" onClick={() => void undo()}>
            Annuler ce passage
          </button>
        </p>
      ) : null}

      <section aria-labelledby="quick-passage" className="reception-block">
        <h2 id="quick-passage">Passage rapide</h2>
        <div className="field">
          <label htmlFor="reception-search">Rechercher une personne</label>
          <p className="hint" id="reception-search-hint">
            Par nom, surnom ou téléphone. Touchez le nom pour enregistrer son passage maintenant.
          </p>
          <input
            id="reception-search"
            ref={searchInput}
            type="search"
            className="large-input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="reception-search-hint reception-search-count"
          />
        </div>
        <p id="reception-search-count" className="hint">
          {!deferred ? '' : found === null ? 'Recherche…' : results.length === 0 ? `Aucune personne ne correspond à « ${deferred} ».` : `${plural(results.length, 'résultat', 'résultats')}`}
        </p>
        {results.length > 0 ? (
          <ul className="big-choices" aria-label="Personnes trouvées">
            {results.map((p) => (
              <li key={p.id}>
                <button type="button" className="big-button" onClick={() => void logPassage([p.id], p.summary.name)}>
                  <span className="person-name">{p.summary.name}</span>
                  <span className="big-button-hint">Enregistrer un passage</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="big-button secondary" onClick={() => void logPassage([], 'Passage anonyme')}>
          Passage anonyme
        </button>
      </section>

      <section aria-labelledby="quick-person" className="reception-block">
        <h2 id="quick-person">Nouvelle personne rapide</h2>
        <form onSubmit={(e) => void createPerson(e)} noValidate>
          <div className="field">
            <label htmlFor="reception-new-name">Nom, prénom ou surnom</label>
            <p className="hint" id="reception-new-name-hint">
              La fiche est créée avec ce seul nom et son passage est enregistré ; vous la compléterez plus tard.
            </p>
            {newNameError ? (
              <p className="field-error" id="reception-new-name-error">
                {newNameError}
              </p>
            ) : null}
            <input
              id="reception-new-name"
              className="large-input"
              value={newName}
              maxLength={200}
              onChange={(e) => setNewName(e.target.value)}
              autoComplete="off"
              aria-invalid={newNameError ? true : undefined}
              aria-describedby={newNameError ? 'reception-new-name-hint reception-new-name-error' : 'reception-new-name-hint'}
            />
          </div>
          <button type="submit" className="big-button primary">
            Créer et enregistrer un passage
          </button>
        </form>
      </section>

      <section aria-labelledby="reception-services" className="reception-block">
        <h2 id="reception-services">Services du jour</h2>
        <ServiceCounters key={`${teamId}-${today}`} teamId={teamId} date={today} large />
      </section>

      <section aria-labelledby="reception-recent" className="reception-block">
        <h2 id="reception-recent">Derniers passages</h2>
        {todays.length === 0 ? (
          <p className="empty">Aucun passage aujourd’hui pour cette équipe.</p>
        ) : (
          <ul className="activity-list compact">
            {todays.slice(0, RECENT).map((p) => (
              <li key={p.id}>
                <span className="activity-time">{formatClock(p.summary.date)}</span> {passageWho(p.summary, names)}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`${activityPaths.passages}?date=${today}`}>Tous les passages du jour</Link>
        </p>
      </section>
    </main>
  );
}
