// « Lieux fréquentés »: places are shared by the organisation (collection place); a person is
// linked to them by personPlace records, so two persons can frequent the same place.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert, StatusMessage } from '../../ui/feedback.tsx';
import { useIndex, useIndexGroup, useWriter } from './data.ts';
import { matchingPlaces } from './places.ts';

export function PlacesSection({ personId }: { personId: string }) {
  const links = useIndexGroup('personPlace', 'personId', personId);
  const places = useIndex('place');
  const writer = useWriter();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const placeNames = useMemo(() => new Map((places ?? []).map((p) => [p.id, p.summary.name])), [places]);
  const mine = useMemo(
    () =>
      (links ?? [])
        .filter((l) => l.summary.personId === personId && placeNames.has(l.summary.placeId))
        .map((l) => ({ linkId: l.id, placeId: l.summary.placeId, name: placeNames.get(l.summary.placeId)!, pending: l.pending }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [links, personId, placeNames],
  );
  const linked = useMemo(() => new Set(mine.map((m) => m.placeId)), [mine]);
  const { suggestions, exact } = useMemo(
    () => matchingPlaces((places ?? []).map((p) => ({ id: p.id, name: p.summary.name })), query, linked),
    [places, query, linked],
  );

  const run = async (work: () => Promise<unknown>, done: string) => {
    setAlert(null);
    try {
      await work();
      setStatus(done);
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };
  const link = (placeId: string, name: string) =>
    run(async () => {
      await writer.create('personPlace', { personId, placeId });
      setQuery('');
    }, `Lieu « ${name} » ajouté.`);
  const createAndLink = (name: string) =>
    run(async () => {
      const placeId = await writer.create('place', { name, address: '' });
      await writer.create('personPlace', { personId, placeId });
      setQuery('');
    }, `Lieu « ${name} » créé et ajouté.`);
  const unlink = (linkId: string, name: string) => run(() => writer.remove('personPlace', linkId), `Lieu « ${name} » retiré.`);

  const submit = (event: FormEvent) => {
    // Enter in the field picks the exact match, or creates the place.
    event.preventDefault();
    const name = query.trim();
    if (!name) return;
    if (!exact) void createAndLink(name);
    else if (linked.has(exact.id)) setStatus(`« ${exact.name} » est déjà dans les lieux fréquentés.`);
    else void link(exact.id, exact.name);
  };

  return (
    <section aria-labelledby="places-title" className="file-section" id="lieux">
      <h2 id="places-title">Lieux fréquentés</h2>
      {mine.length === 0 ? (
        <p className="empty">Aucun lieu fréquenté renseigné.</p>
      ) : (
        <ul className="chip-list">
          {mine.map((m) => (
            <li key={m.linkId}>
              <span>{m.name}</span>
              {m.pending ? <span className="sr-only"> (non synchronisé)</span> : null}
              <button type="button" className="link-button" onClick={() => void unlink(m.linkId, m.name)} aria-label={`Retirer le lieu ${m.name}`}>
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="add-form" noValidate>
        <FormAlert message={alert} />
        <label htmlFor={inputId}>Ajouter un lieu fréquenté</label>
        <p className="hint" id={`${inputId}-hint`}>
          Tapez le nom d'un lieu : choisissez-le dans la liste ou créez-le.
        </p>
        <input id={inputId} value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${inputId}-hint`} autoComplete="off" maxLength={200} />
        {query.trim() ? (
          <ul className="suggestions" aria-label="Lieux correspondants">
            {suggestions.map((p) => (
              <li key={p.id}>
                <button type="button" className="secondary small" onClick={() => void link(p.id, p.name)}>
                  Ajouter « {p.name} »
                </button>
              </li>
            ))}
            {exact ? null : (
              <li>
                <button type="button" className="secondary small" onClick={() => void createAndLink(query.trim())}>
                  Créer le lieu « {query.trim()} »
                </button>
              </li>
            )}
          </ul>
        ) : null}
      </form>
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
