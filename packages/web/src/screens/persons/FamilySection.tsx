// « Liens familiaux »: a familyLink record joins two persons with one described relation; it is
// shown on both files.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { Link } from '../../app/router.tsx';
import { TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { useIndexGroup, usePersonNames, usePersonSearch, useWriter } from './data.ts';
import { personPaths } from './paths.ts';

const MAX_RESULTS = 8;

export function FamilySection({ personId, personName }: { personId: string; personName: string }) {
  const links = useIndexGroup('familyLink', 'personIds', personId);
  const writer = useWriter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const names = usePersonNames();
  const mine = useMemo(
    () =>
      (links ?? [])
        .filter((l) => l.summary.personIds.includes(personId))
        .map((l) => {
          const otherId = l.summary.personIds.find((id) => id !== personId) ?? '';
          return { id: l.id, otherId, name: names.get(otherId), relation: l.summary.relation };
        })
        // A linked person in the corbeille is not shown; the link comes back with them.
        .filter((l): l is { id: string; otherId: string; name: string; relation: string } => l.name !== undefined),
    [links, personId, names],
  );

  const unlink = async (id: string, name: string) => {
    setAlert(null);
    try {
      await writer.remove('familyLink', id);
      setStatus(`Lien avec ${name} retiré.`);
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  return (
    <section aria-labelledby="family-title" className="file-section" id="famille">
      <h2 id="family-title">Liens familiaux</h2>
      <FormAlert message={alert} />
      {mine.length === 0 ? (
        <p className="empty">Aucun lien familial renseigné.</p>
      ) : (
        <ul className="plain-list">
          {mine.map((l) => (
            <li key={l.id} className="family-link">
              {editing === l.id ? (
                <EditRelation
                  id={l.id}
                  name={l.name}
                  relation={l.relation}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) setStatus(message);
                  }}
                />
              ) : (
                <>
                  <span>
                    <Link href={personPaths.person(l.otherId)}>{l.name}</Link> <span className="relation">— {l.relation}</span>
                  </span>
                  <button type="button" className="link-button" onClick={() => setEditing(l.id)} aria-label={`Modifier le lien avec ${l.name}`}>
                    Modifier
                  </button>
                  <button type="button" className="link-button" onClick={() => void unlink(l.id, l.name)} aria-label={`Retirer le lien avec ${l.name}`}>
                    Retirer
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <AddFamilyLink
          personId={personId}
          personName={personName}
          linkedIds={mine.map((l) => l.otherId)}
          onDone={(message) => {
            setAdding(false);
            if (message) setStatus(message);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : (
        <button type="button" ref={addButton} className="secondary small" onClick={() => setAdding(true)}>
          Ajouter un lien familial
        </button>
      )}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}

/** The relation of an existing link, corrected in place (« frère » → « demi-frère »). */
function EditRelation({ id, name, relation, onDone }: { id: string; name: string; relation: string; onDone: (message: string | null) => void }) {
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [value, setValue] = useState(relation);
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next = value.trim();
    if (!next) {
      setError('Veuillez décrire le lien (par exemple « frère » ou « conjointe »).');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      if (next !== relation) await writer.update('familyLink', id, { relation: next });
      onDone(`Lien avec ${name} modifié.`);
    } catch (failure) {
      setAlert(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={`Modifier le lien avec ${name}`}>
      <FormAlert message={alert} />
      <TextField label={`Relation avec ${name}`} value={value} onValue={setValue} error={error} maxLength={200} autoComplete="off" autoFocus />
      <div className="actions">
        <SubmitButton busy={busy}>Enregistrer le lien</SubmitButton>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Annuler
        </button>
      </div>
    </form>
  );
}

function AddFamilyLink({
  personId,
  personName,
  linkedIds,
  onDone,
}: {
  personId: string;
  personName: string;
  linkedIds: readonly string[];
  onDone: (message: string | null) => void;
}) {
  const writer = useWriter();
  const searchId = useId();
  const form = useRef<HTMLFormElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [relation, setRelation] = useState('');
  const [errors, setErrors] = useState<{ person?: string; relation?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const found = usePersonSearch(query.trim() ? query : '');
  const results = (found ?? []).filter((p) => p.id !== personId && !linkedIds.includes(p.id)).slice(0, MAX_RESULTS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next: typeof errors = {};
    if (!chosen) next.person = 'Veuillez choisir la personne liée.';
    if (!relation.trim()) next.relation = 'Veuillez décrire la relation (par exemple : frère, conjointe).';
    else if (relation.trim().length > 200) next.relation = 'Ce texte est trop long (200 caractères au maximum).';
    setErrors(next);
    if (next.person || next.relation || !chosen) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await writer.create('familyLink', { personIds: [personId, chosen.id], relation: relation.trim() });
      onDone(`Lien avec ${chosen.name} ajouté.`);
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="add-form family-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Ajouter un lien familial">
      <FormAlert message={alert} />
      <div className="field">
        <label htmlFor={searchId}>Rechercher la personne liée</label>
        {errors.person ? (
          <p className="field-error" id={`${searchId}-error`}>
            {errors.person}
          </p>
        ) : null}
        {chosen ? (
          <p className="chosen">
            Personne choisie : <strong>{chosen.name}</strong>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setChosen(null);
                requestAnimationFrame(() => searchInput.current?.focus());
              }}
            >
              Changer
            </button>
          </p>
        ) : (
          <>
            <input
              id={searchId}
              ref={searchInput}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
              aria-invalid={errors.person ? true : undefined}
              aria-describedby={errors.person ? `${searchId}-error` : undefined}
              // The form opens on demand: the field the person asked for takes focus.
              autoFocus
            />
            {query.trim() ? (
              results.length > 0 ? (
                <ul className="suggestions" aria-label="Personnes trouvées">
                  {results.map((p) => (
                    <li key={p.id}>
                      <button type="button" className="secondary small" onClick={() => setChosen({ id: p.id, name: p.summary.name })}>
                        Choisir {p.summary.name}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="hint">Aucune personne trouvée.</p>
              )
            ) : null}
          </>
        )}
      </div>
      <TextField
        label={`Relation avec ${personName}`}
        value={relation}
        onValue={setRelation}
        error={errors.relation}
        hint="Par exemple : frère, conjointe, mère, enfant."
        maxLength={200}
        autoComplete="off"
      />
      <div className="actions">
        <SubmitButton busy={busy}>Ajouter le lien</SubmitButton>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Annuler
        </button>
      </div>
    </form>
  );
}
