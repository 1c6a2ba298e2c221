// The multi-choice parts of the action form: teams (checkboxes), categories (checkboxes grouped
// as the organisation groups them) and persons (search, then add; each chosen one removable).
// A group's error is linked to each of its checkboxes, so the first one can take focus.
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { Team } from '@relais/core/protocol';
import { usePersonSearch } from './data.ts';
import type { CategoryGroup } from './filters.ts';
import { categoryGroupsWith } from './filters.ts';

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}

function GroupError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p className="field-error" id={id}>
      {error}
    </p>
  ) : null;
}

export function TeamPicker({
  teams,
  value,
  onChange,
  error,
  legend = 'Équipes',
}: {
  teams: readonly Team[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  legend?: string;
}) {
  const id = useId();
  return (
    <fieldset className="ac-choice-group">
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        Au moins une.
      </p>
      <GroupError id={`${id}-error`} error={error} />
      {teams.length === 0 ? <p className="ac-muted">Aucune équipe n'existe encore : un administrateur doit en créer une.</p> : null}
      {teams.map((t) => (
        <div className="field checkbox" key={t.id}>
          <input
            type="checkbox"
            id={`${id}-${t.id}`}
            checked={value.includes(t.id)}
            onChange={(e) => onChange(toggle(value, t.id, e.target.checked))}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          />
          <label htmlFor={`${id}-${t.id}`}>{t.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function CategoryPicker({
  groups,
  value,
  onChange,
  error,
}: {
  groups: readonly CategoryGroup[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  // Categories removed from the settings since stay shown (and removable) under « Autres catégories ».
  const all = useMemo(() => categoryGroupsWith(groups, value), [groups, value]);
  return (
    <fieldset className="ac-choice-group ac-categories">
      <legend>Catégories</legend>
      <p className="hint" id={`${id}-hint`}>
        {value.length === 0 ? 'Aucune catégorie choisie.' : `Choisies : ${value.join(', ')}.`}
      </p>
      <GroupError id={`${id}-error`} error={error} />
      {all.map((group, g) => {
        const chosen = group.categories.filter((c) => value.includes(c)).length;
        return (
          <details key={group.name} className="ac-category-group" open={chosen > 0 || undefined}>
            <summary>
              {group.name}
              {chosen > 0 ? <span className="ac-count-inline"> ({chosen === 1 ? '1 choisie' : `${chosen} choisies`})</span> : null}
            </summary>
            <div className="ac-category-options">
              {group.categories.map((c, i) => (
                <div className="field checkbox" key={c}>
                  <input
                    type="checkbox"
                    id={`${id}-${g}-${i}`}
                    checked={value.includes(c)}
                    onChange={(e) => onChange(toggle(value, c, e.target.checked))}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <label htmlFor={`${id}-${g}-${i}`}>{c}</label>
                </div>
              ))}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}

const MAX_RESULTS = 8;

export function PersonPicker({
  value,
  onChange,
  names,
  error,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  names: ReadonlyMap<string, string>;
  error?: string | undefined;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const results = usePersonSearch(deferred);
  const [announce, setAnnounce] = useState('');
  const offered = useMemo(
    () => (deferred && results ? results.filter((p) => !value.includes(p.id)).slice(0, MAX_RESULTS) : []),
    [deferred, results, value],
  );

  const add = (personId: string) => {
    onChange([...value, personId]);
    setAnnounce(`${names.get(personId) ?? 'Personne'} ajoutée.`);
    setQuery('');
    input.current?.focus();
  };
  const remove = (personId: string) => {
    onChange(value.filter((v) => v !== personId));
    setAnnounce(`${names.get(personId) ?? 'Personne'} retirée.`);
    input.current?.focus();
  };

  return (
    <fieldset className="ac-choice-group ac-persons">
      <legend>Personnes</legend>
      <GroupError id={`${id}-error`} error={error} />
      {value.length === 0 ? (
        <p className="ac-muted">Aucune personne liée.</p>
      ) : (
        <ul className="ac-chips" aria-label="Personnes liées">
          {value.map((personId) => (
            <li key={personId} className="ac-chip">
              <span>{names.get(personId) ?? 'Personne inconnue'}</span>
              <button type="button" className="ac-chip-remove" onClick={() => remove(personId)}>
                <span aria-hidden="true">×</span>
                <span className="sr-only">Retirer {names.get(personId) ?? 'cette personne'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>Ajouter une personne</label>
        <p className="hint" id={`${id}-hint`}>
          Tapez un nom, un surnom ou un téléphone, puis choisissez dans la liste.
        </p>
        <input
          ref={input}
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the only match instead of submitting the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              if (offered.length === 1) add(offered[0]!.id);
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      {deferred ? (
        offered.length === 0 ? (
          <p className="ac-muted">{results === null ? 'Recherche…' : 'Aucune personne trouvée.'}</p>
        ) : (
          <ul className="ac-person-results" aria-label="Résultats de la recherche">
            {offered.map((p) => (
              <li key={p.id}>
                <button type="button" className="secondary small" onClick={() => add(p.id)}>
                  <span className="sr-only">Ajouter </span>
                  {p.summary.name}
                  {p.summary.otherNames ? <span className="ac-muted"> ({p.summary.otherNames})</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <p className="sr-only" role="status">
        {announce}
      </p>
    </fieldset>
  );
}
