// Create or edit a territoire: nom, types (from the organisation's list), périmètre, description.
import { useRef, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../app/router.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Missing } from './common.tsx';
import { useDraft, useRecord, useSettings, useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import { checkTerritory, COMMENT_MAX, EMPTY_TERRITORY, type FormErrors, type TerritoryInput, type TerritoryKey, withoutKeys } from './forms.ts';
import { activityPaths } from './paths.ts';
import { saveFailure } from '../../ui/save-failure.ts';

export function TerritoryFormScreen({ id }: { id?: string }) {
  const record = useRecord('territory', id ?? '');
  const settings = useSettings();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<TerritoryInput | null>(id ? `activity.territory.${id}` : 'activity.territory.new', null);
  const [errors, setErrors] = useState<FormErrors<TerritoryKey>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (id && record.status === 'loading') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (id && (record.status === 'missing' || (record.status === 'found' && record.deleted))) {
    return <Missing title="Territoire introuvable" back={activityPaths.territories} backLabel="Retour aux territoires" />;
  }
  const base: TerritoryInput =
    id && record.status === 'found'
      ? { name: record.fields.name, types: record.fields.types, perimeter: record.fields.perimeter, description: record.fields.description }
      : EMPTY_TERRITORY;
  const value = draft ?? base;
  const set = (patch: Partial<TerritoryInput>) => {
    setDraft({ ...value, ...patch });
    if (Object.keys(patch).some((k) => k in errors)) setErrors(withoutKeys(errors, Object.keys(patch)));
  };
  // Types removed from the organisation's list stay readable (and removable) on the territories that have them.
  const types = [...settings.territoryTypes, ...value.types.filter((t) => !settings.territoryTypes.includes(t))];
  const back = id ? activityPaths.territory(id) : activityPaths.territories;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkTerritory(value);
    setAlert(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = id ? (await writer.update('territory', id, checked.fields), id) : await writer.create('territory', checked.fields);
      clearDraft();
      setFlash(id ? 'Territoire modifié.' : 'Territoire enregistré.');
      navigate(activityPaths.territory(saved), { replace: !id });
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.fields);
      setAlert(failure.message);
      setBusy(false);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
    }
  };

  const remove = async () => {
    if (!id || busy) return;
    setBusy(true);
    try {
      await writer.remove('territory', id);
      clearDraft();
      setFlash('Territoire mis à la corbeille.');
      navigate(activityPaths.territories);
    } catch (error) {
      setAlert(saveFailure(error).message);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>{id ? 'Modifier le territoire' : 'Nouveau territoire'}</ScreenTitle>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <TextField label="Nom" value={value.name} onValue={(name) => set({ name })} error={errors.name} hint="Obligatoire." maxLength={200} autoComplete="off" />
        <fieldset>
          <legend>Types</legend>
          {types.length === 0 ? <p className="hint">Aucun type n'est défini dans les réglages de l'organisation.</p> : null}
          {types.map((type) => (
            <CheckboxField
              key={type}
              label={type}
              checked={value.types.includes(type)}
              onChecked={(checked) => set({ types: checked ? [...value.types, type] : value.types.filter((t) => t !== type) })}
            />
          ))}
        </fieldset>
        <TextAreaField label="Périmètre" value={value.perimeter} onValue={(perimeter) => set({ perimeter })} error={errors.perimeter} maxLength={COMMENT_MAX} rows={3} />
        <TextAreaField label="Description" value={value.description} onValue={(description) => set({ description })} error={errors.description} maxLength={COMMENT_MAX} />
        <div className="actions">
          <SubmitButton busy={busy}>Enregistrer le territoire</SubmitButton>
          <Link href={back} className="button secondary" onClick={() => clearDraft()}>
            Annuler
          </Link>
        </div>
        {id ? (
          <p>
            <button type="button" className="secondary danger" onClick={() => void remove()}>
              Mettre à la corbeille
            </button>
          </p>
        ) : null}
      </form>
    </main>
  );
}
