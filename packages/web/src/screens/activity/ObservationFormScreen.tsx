// Create or edit an observation de territoire: when, which team, where, how many persons met by
// gender, and what was seen. Kept as an encrypted draft until saved.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../app/router.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Missing } from './common.tsx';
import { TeamSelect, useTeam } from './controls.tsx';
import { useDraft, useIndex, useRecord, useSettings, useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import { checkObservation, COMMENT_MAX, EMPTY_OBSERVATION, whenOf, type FormErrors, type ObservationInput, type ObservationKey, withoutKeys } from './forms.ts';
import { activityPaths } from './paths.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { WhenFields } from './WhenFields.tsx';
import { applicableDefinitions, storedCustomValues } from '@relais/core/domain/custom-fields';
import { CustomFieldsInputs } from '../custom-fields/CustomFieldsInputs.tsx';
import { useCustomValues } from '../custom-fields/useCustomValues.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function ObservationFormScreen({ id, territoryId }: { id?: string; territoryId?: string }) {
  const record = useRecord('observation', id ?? '');
  const { teamId, teams } = useTeam();
  const writer = useWriter();
  const territories = useIndex('territory');
  const form = useRef<HTMLFormElement>(null);
  const [nowMs] = useState(() => Date.now());
  const [draft, setDraft, clearDraft] = useDraft<ObservationInput | null>(id ? `activity.observation.${id}` : `activity.observation.new.${territoryId ?? ''}`, null);
  const [errors, setErrors] = useState<FormErrors<ObservationKey>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Custom fields follow the observation's team, as typed in the draft or stored.
  const { customFieldDefinitions } = useSettings();
  const stored = record.status === 'found' ? record.fields : null;
  const customTeam = draft?.teamId ?? stored?.teamId ?? teamId;
  const customDefinitions = useMemo(() => applicableDefinitions(customFieldDefinitions, { target: 'observation', teamId: customTeam }), [customFieldDefinitions, customTeam]);
  const storedCustom = useMemo(() => storedCustomValues(stored?.customFields), [stored]);
  const custom = useCustomValues(id ? `activity.observation.${id}.custom` : `activity.observation.new.${territoryId ?? ''}.custom`, customDefinitions, storedCustom);
  const territoryOptions = useMemo(
    () => [
      { value: '', label: 'Choisir un territoire' },
      ...[...(territories ?? [])].sort((a, b) => collator.compare(a.summary.name, b.summary.name)).map((t) => ({ value: t.id, label: t.summary.name })),
    ],
    [territories],
  );

  if (id && record.status === 'loading') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (id && (record.status === 'missing' || (record.status === 'found' && record.deleted))) {
    return <Missing title="Observation introuvable" back={activityPaths.territories} backLabel="Retour aux territoires" />;
  }
  const base: ObservationInput =
    id && record.status === 'found'
      ? {
          ...whenOf(record.fields.date),
          teamId: record.fields.teamId,
          territoryId: record.fields.territoryId,
          women: String(record.fields.personsMet.women),
          men: String(record.fields.personsMet.men),
          other: String(record.fields.personsMet.other),
          text: record.fields.text,
        }
      : { ...EMPTY_OBSERVATION, teamId, territoryId: territoryId ?? '' };
  const value = draft ?? base;
  const set = (patch: Partial<ObservationInput>) => {
    setDraft({ ...value, ...patch });
    if (Object.keys(patch).some((k) => k in errors)) setErrors(withoutKeys(errors, Object.keys(patch)));
  };
  const back = value.territoryId ? activityPaths.territory(value.territoryId) : activityPaths.territories;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkObservation(value, nowMs);
    const customChecked = custom.check();
    setAlert(null);
    if (!checked.ok || !customChecked.ok) {
      setErrors(checked.ok ? {} : checked.errors);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const fields = { ...checked.fields, customFields: customChecked.values };
      if (id) await writer.update('observation', id, fields);
      else await writer.create('observation', fields);
      clearDraft();
      custom.clear();
      setFlash(id ? 'Observation modifiée.' : 'Observation enregistrée.');
      navigate(activityPaths.territory(checked.fields.territoryId));
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
      await writer.remove('observation', id);
      clearDraft();
      custom.clear();
      setFlash('Observation mise à la corbeille.');
      navigate(back);
    } catch (error) {
      setAlert(saveFailure(error).message);
      setBusy(false);
    }
  };

  const countField = (key: 'women' | 'men' | 'other', label: string) => (
    <TextField label={label} type="number" inputMode="numeric" min={0} step={1} value={value[key]} onValue={(v) => set({ [key]: v })} error={errors[key]} />
  );

  return (
    <main id="main" className="narrow">
      <ScreenTitle>{id ? "Modifier l'observation" : 'Nouvelle observation'}</ScreenTitle>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <WhenFields value={value} onValue={(when) => set(when)} nowMs={nowMs} errors={errors} />
        <TeamSelect teams={teams} value={value.teamId} onValue={(teamId) => set({ teamId })} error={errors.teamId} />
        <SelectField label="Territoire" value={value.territoryId} onValue={(territoryId) => set({ territoryId })} options={territoryOptions} error={errors.territoryId} />
        <fieldset className="counts">
          <legend>Personnes rencontrées</legend>
          <div className="count-fields">
            {countField('women', 'Femmes')}
            {countField('men', 'Hommes')}
            {countField('other', 'Autres')}
          </div>
        </fieldset>
        <TextAreaField label="Texte" value={value.text} onValue={(text) => set({ text })} error={errors.text} maxLength={COMMENT_MAX} rows={5} />
        <CustomFieldsInputs state={custom} />
        <div className="actions">
          <SubmitButton busy={busy}>Enregistrer l'observation</SubmitButton>
          <Link
            href={back}
            className="button secondary"
            onClick={() => {
              clearDraft();
              custom.clear();
            }}
          >
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
        <p className="hint">Enregistré d'abord sur cet appareil, chiffré, puis envoyé au serveur dès que le réseau le permet.</p>
      </form>
    </main>
  );
}
