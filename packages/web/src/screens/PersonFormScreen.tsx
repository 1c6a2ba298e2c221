import { useEffect, useRef, useState, type FormEvent } from 'react';
import { uuidv7 } from '@relais/core/uuid';
import { errorMessage } from '../api/errors.ts';
import { useWorkspace } from '../app/context.ts';
import { Link, navigate } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { random } from '../crypto/sodium.ts';
import { setFlash } from '../persons/flash.ts';
import { DESCRIPTION_MAX, EMPTY_PERSON, localToday, NAME_MAX, PERSON_LABELS, personFromView, personPatch, validatePerson, type PersonInput, type PersonField } from '../persons/person.ts';
import { systemClock } from '../session/clock.ts';
import { TextAreaField, TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid, hasErrors } from '../ui/forms.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

/** Create (no id) or edit a person. Saving writes to the outbox and never waits for the network. */
export function PersonFormScreen({ id }: { id?: string }) {
  const { workspace } = useWorkspace();
  const form = useRef<HTMLFormElement>(null);
  const [loaded, setLoaded] = useState<PersonInput | null>(id ? null : EMPTY_PERSON);
  const [missing, setMissing] = useState(false);
  const [value, setValue] = useState<PersonInput>(EMPTY_PERSON);
  const [errors, setErrors] = useState<Partial<Record<PersonField, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    workspace.engine.read('person', id).then(
      (view) => {
        if (cancelled) return;
        if (!view || view.deleted) return setMissing(true);
        const { name, birthDate, phone, description } = personFromView(view);
        const input = { name, birthDate, phone, description };
        setLoaded(input);
        setValue(input);
      },
      () => !cancelled && setMissing(true),
    );
    return () => {
      cancelled = true;
    };
  }, [workspace, id]);

  const set = (field: PersonField) => (text: string) => setValue((v) => ({ ...v, [field]: text }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !loaded) return;
    const checked = validatePerson(value, localToday());
    setErrors(checked.errors);
    setAlert(null);
    if (hasErrors(checked.errors)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    const patch = personPatch(id ? loaded : null, checked.value);
    const recordId = id ?? uuidv7(systemClock, random);
    setBusy(true);
    try {
      if (Object.keys(patch).length > 0) {
        await workspace.engine.write('person', recordId, patch);
        void workspace.sync.afterWrite();
      }
      setFlash(id ? 'Modifications enregistrées.' : 'Personne enregistrée.');
      navigate(paths.person(recordId), { replace: !id });
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  const title = id ? 'Modifier la personne' : 'Nouvelle personne';
  if (missing) {
    return (
      <main id="main">
        <ScreenTitle>Personne introuvable</ScreenTitle>
        <p>
          <Link href={paths.persons}>Retour à la liste des personnes</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="narrow">
      <ScreenTitle>{title}</ScreenTitle>
      {!loaded ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : (
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={alert} />
          <TextField label={PERSON_LABELS.name} value={value.name} onValue={set('name')} error={errors.name} hint="Obligatoire." maxLength={NAME_MAX} autoComplete="off" />
          <TextField label={PERSON_LABELS.birthDate} type="date" value={value.birthDate} onValue={set('birthDate')} error={errors.birthDate} min="1900-01-01" max={localToday()} />
          <TextField label={PERSON_LABELS.phone} type="tel" value={value.phone} onValue={set('phone')} error={errors.phone} autoComplete="off" inputMode="tel" />
          <TextAreaField label={PERSON_LABELS.description} value={value.description} onValue={set('description')} error={errors.description} maxLength={DESCRIPTION_MAX} rows={5} />
          <div className="actions">
            <SubmitButton busy={busy}>Enregistrer</SubmitButton>
            <Link href={id ? paths.person(id) : paths.persons} className="button secondary">
              Annuler
            </Link>
          </div>
          <p className="hint">Enregistré d'abord sur cet appareil, chiffré, puis envoyé au serveur dès que le réseau le permet.</p>
        </form>
      )}
    </main>
  );
}
