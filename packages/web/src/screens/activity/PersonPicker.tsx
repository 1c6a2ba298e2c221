// Choose one or several persons by searching their name, other names or phone. Chosen persons
// appear as a list with a « Retirer » button each; results are buttons, so the whole picker works
// with the keyboard and a screen reader.
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { usePersonSearch } from './data.ts';

const MAX_RESULTS = 8;

export function PersonPicker({
  value,
  onValue,
  names,
  label = 'Personnes',
  hint,
  error,
}: {
  value: readonly string[];
  onValue: (ids: string[]) => void;
  names: ReadonlyMap<string, string>;
  label?: string;
  hint?: string;
  error?: string | undefined;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const found = usePersonSearch(deferred);
  const results = useMemo(() => (deferred && found ? found.filter((p) => !value.includes(p.id)).slice(0, MAX_RESULTS) : []), [deferred, found, value]);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="person-picker" aria-describedby={describedBy}>
      <legend>{label}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="chosen" aria-label="Personnes choisies">
          {value.map((personId) => {
            const name = names.get(personId) ?? 'Personne inconnue';
            return (
              <li key={personId}>
                <span className="person-name">{name}</span>
                <button type="button" className="secondary small" aria-label={`Retirer ${name}`} onClick={() => onValue(value.filter((v) => v !== personId))}>
                  Retirer
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="empty">Aucune personne choisie.</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>Rechercher une personne à ajouter</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-count`}
        />
      </div>
      <p id={`${id}-count`} className="hint" role="status">
        {!deferred ? '' : found === null ? 'Recherche…' : results.length === 0 ? `Aucune personne ne correspond à « ${deferred} ».` : `${results.length} résultat${results.length > 1 ? 's' : ''}`}
      </p>
      {results.length > 0 ? (
        <ul className="results" aria-label="Résultats de la recherche">
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="result"
                aria-label={`Ajouter ${p.summary.name}`}
                onClick={() => {
                  onValue([...value, p.id]);
                  setQuery('');
                }}
              >
                <span className="person-name">{p.summary.name}</span>
                {p.summary.otherNames ? <span className="person-meta">{p.summary.otherNames}</span> : null}
                <span className="add" aria-hidden="true">
                  + Ajouter
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
