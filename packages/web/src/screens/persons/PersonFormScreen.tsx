// Create or edit a person. What is typed is kept as an encrypted draft on the device (useDraft):
// leaving the screen, reloading or being locked loses nothing. Saving writes to the outbox and
// never waits for the network.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { emptyPerson } from '@relais/core/domain/person';
import { errorMessage } from '../../api/errors.ts';
import { Link, navigate } from '../../app/router.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid, hasErrors } from '../../ui/forms.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import { useDraft, useMe, useRecord, useSettings, useTeams, useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import {
  activeListPatch,
  changedFields,
  editDraft,
  EMPTY_PERSON,
  formValues,
  isDirty,
  normalise,
  reasonOptions,
  shownValues,
  type FormErrors,
  type PersonDraft,
  type PersonFormValues,
} from './form-state.ts';
import { GENDER_OPTIONS, PERSON_LABELS } from './labels.ts';
import { localDate } from '../../ui/dates.ts';
import { ageLabel } from '@relais/core/domain/age';
import { personPaths } from './paths.ts';
import { validatePerson } from './validation.ts';
import { writerErrors } from './writer-errors.ts';
import { Loading, Missing } from './states.tsx';
import { applicableDefinitions, storedCustomValues } from '@relais/core/domain/custom-fields';
import type { Json } from '@relais/core/sync/types';
import { CustomFieldsInputs } from '../custom-fields/CustomFieldsInputs.tsx';
import { useCurrentTeam } from '../custom-fields/useCurrentTeam.ts';
import { useCustomValues } from '../custom-fields/useCustomValues.ts';

export function NewPersonScreen() {
  const me = useMe();
  const teams = useTeams();
  // A member of a single team starts with that team in charge; others choose.
  const initial = useMemo(() => {
    const mine = teams.filter((t) => t.memberIds.includes(me.user.id));
    return mine.length === 1 ? { ...EMPTY_PERSON, teamIds: [mine[0]!.id] } : EMPTY_PERSON;
  }, [teams, me.user.id]);
  return <PersonForm current={initial} draftKey="person-form:new" />;
}

export function EditPersonScreen({ id }: { id: string }) {
  const record = useRecord('person', id);
  const fields = record.status === 'found' ? record.fields : null;
  const current = useMemo(() => (fields ? formValues(fields) : null), [fields]);
  if (record.status === 'loading') return <Loading />;
  if (record.status === 'missing' || record.deleted || !current) return <Missing />;
  return <PersonForm id={id} current={current} draftKey={`person-form:${id}`} customFields={fields?.customFields} />;
}

function PersonForm({ id, current, draftKey, customFields }: { id?: string; current: PersonFormValues; draftKey: string; customFields?: Json }) {
  // « Accès restreint »: no free-text description, no custom fields (decision 016).
  const restricted = useMe().user.role === 'restricted';
  const writer = useWriter();
  const settings = useSettings();
  const teams = useTeams();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<PersonDraft | null>(draftKey, null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const activeListToggled = useRef(false);
  const exitDate = useRef<HTMLInputElement>(null);
  const leaveButton = useRef<HTMLButtonElement>(null);
  const values = shownValues(draft, current);
  // Custom fields (social group) enabled for the current team, with a draft of their own.
  const customTeam = useCurrentTeam();
  const customDefinitions = useMemo(
    () => (restricted ? [] : applicableDefinitions(settings.customFieldDefinitions, { target: 'personSocial', teamId: customTeam })),
    [restricted, settings.customFieldDefinitions, customTeam],
  );
  const storedCustom = useMemo(() => storedCustomValues(customFields), [customFields]);
  const custom = useCustomValues(`${draftKey}:custom`, customDefinitions, storedCustom);
  const dirty = isDirty(draft, current) || custom.dirty;
  // A draft found on opening is announced at the top; one being typed is only mentioned at the
  // bottom, so the fields do not move under the fingers at the first keystroke.
  const [restored] = useState(dirty);
  const today = localDate(Date.now());

  const set = (patch: Partial<PersonFormValues>) => setDraft(editDraft(draft, current, patch));
  const text = (field: 'name' | 'otherNames' | 'birthDate' | 'phone' | 'email' | 'description' | 'alerts' | 'streetSince' | 'followedSince' | 'outOfActiveListDate') => ({
    value: values[field],
    onValue: (value: string) => set({ [field]: value }),
    error: errors[field],
  });

  const toggleActiveList = (out: boolean) => {
    activeListToggled.current = true;
    set(activeListPatch(out, values, today));
  };
  // The button pressed disappears with the section it changed: focus goes to what replaced it.
  useEffect(() => {
    if (!activeListToggled.current) return;
    activeListToggled.current = false;
    (values.outOfActiveList ? exitDate.current : leaveButton.current)?.focus();
  }, [values.outOfActiveList]);

  const teamOptions = useMemo(() => {
    const known = teams.map((t) => ({ value: t.id, label: t.name }));
    const unknown = values.teamIds.filter((tid) => !teams.some((t) => t.id === tid)).map((value) => ({ value, label: 'Équipe supprimée ou inconnue' }));
    return [...known, ...unknown];
  }, [teams, values.teamIds]);
  const reasons = reasonOptions(settings.outOfActiveListReasons, values.outOfActiveListReasons).map((o) => ({
    value: o.value,
    label: o.removed ? `${o.value} (motif retiré de la liste)` : o.value,
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const toSave = normalise(values);
    const found = validatePerson(toSave, today);
    const customChecked = custom.check();
    setErrors(found);
    setAlert(null);
    if (hasErrors(found) || !customChecked.ok) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      let recordId: string;
      if (id) {
        recordId = id;
        const patch = { ...changedFields(draft, current), ...(customChecked.changed ? { customFields: customChecked.values } : {}) };
        if (Object.keys(patch).length > 0) await writer.update('person', id, patch);
      } else {
        recordId = await writer.create('person', { ...emptyPerson(), ...toSave, customFields: customChecked.values });
      }
      clearDraft();
      custom.clear();
      setFlash(id ? 'Modifications enregistrées.' : 'Personne enregistrée.');
      navigate(personPaths.person(recordId), { replace: !id });
    } catch (error) {
      const fromWriter = writerErrors(error);
      if (fromWriter) {
        setErrors(fromWriter.fields);
        setAlert(fromWriter.form);
        if (!fromWriter.form) requestAnimationFrame(() => focusFirstInvalid(form.current));
      } else {
        setAlert(errorMessage(error));
      }
      setBusy(false);
    }
  };

  const discard = () => {
    clearDraft();
    custom.clear();
    setErrors({});
    // The button disappears with the note: focus goes to the first field.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  };

  const age = ageLabel(values.birthDate, today);
  return (
    <main id="main" className="narrow person-form">
      <ScreenTitle>{id ? 'Modifier la personne' : 'Nouvelle personne'}</ScreenTitle>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        {restored && dirty ? (
          <div className="draft-note" role="note">
            <p>Vos saisies précédentes, gardées sur cet appareil, ont été restaurées.</p>
            <button type="button" className="secondary small" onClick={discard}>
              Effacer le brouillon
            </button>
          </div>
        ) : null}
        <TextField label={PERSON_LABELS.name} {...text('name')} hint="Obligatoire." maxLength={200} autoComplete="off" />
        <TextField label={PERSON_LABELS.otherNames} {...text('otherNames')} hint="Pseudos, noms d'usage, orthographes possibles : la recherche les trouve." maxLength={500} autoComplete="off" />
        <SelectField label={PERSON_LABELS.gender} value={values.gender} onValue={(gender) => set({ gender })} options={GENDER_OPTIONS} error={errors.gender} />
        <TextField label={PERSON_LABELS.birthDate} type="date" {...text('birthDate')} min="1900-01-01" max={today} hint={age ? `Âge : ${age}.` : undefined} />
        <TextField label={PERSON_LABELS.phone} type="tel" {...text('phone')} autoComplete="off" inputMode="tel" maxLength={100} />
        <TextField label={PERSON_LABELS.email} type="email" {...text('email')} autoComplete="off" maxLength={254} />
        {restricted ? null : <TextAreaField label={PERSON_LABELS.description} {...text('description')} maxLength={10_000} rows={5} />}
        <TextAreaField label={PERSON_LABELS.alerts} {...text('alerts')} hint="Affichées en bandeau en haut du dossier (allergie, danger, consigne…)." maxLength={1_000} rows={2} />
        <CheckboxField
          label={PERSON_LABELS.highlyVulnerable}
          checked={values.highlyVulnerable}
          onChecked={(highlyVulnerable) => set({ highlyVulnerable })}
          error={errors.highlyVulnerable}
        />
        <TextField label={PERSON_LABELS.streetSince} type="date" {...text('streetSince')} max={today} />
        <TextField label={PERSON_LABELS.followedSince} type="date" {...text('followedSince')} max={today} />
        <CheckboxGroup
          legend={PERSON_LABELS.teamIds}
          options={teamOptions}
          selected={values.teamIds}
          onChange={(teamIds) => set({ teamIds })}
          error={errors.teamIds}
          empty="Aucune équipe n'existe encore. Un administrateur peut en créer depuis « Équipes »."
        />
        <fieldset className="active-list">
          <legend>File active</legend>
          {values.outOfActiveList ? (
            <>
              <p className="hint">Cette personne est sortie de la file active.</p>
              <TextField label={PERSON_LABELS.outOfActiveListDate} type="date" inputRef={exitDate} {...text('outOfActiveListDate')} max={today} />
              <CheckboxGroup
                legend={PERSON_LABELS.outOfActiveListReasons}
                options={reasons}
                selected={values.outOfActiveListReasons}
                onChange={(outOfActiveListReasons) => set({ outOfActiveListReasons })}
                error={errors.outOfActiveListReasons}
                empty="Aucun motif n'est défini par votre organisation."
              />
              <button type="button" className="secondary" onClick={() => toggleActiveList(false)}>
                Réintégrer dans la file active
              </button>
            </>
          ) : (
            <>
              <p className="hint">Cette personne est dans la file active.</p>
              <button type="button" ref={leaveButton} className="secondary" onClick={() => toggleActiveList(true)}>
                Sortir de la file active
              </button>
            </>
          )}
        </fieldset>
        {restricted ? null : <CustomFieldsInputs state={custom} />}
        <div className="actions">
          <SubmitButton busy={busy}>Enregistrer</SubmitButton>
          <Link
            href={id ? personPaths.person(id) : personPaths.list}
            className="button secondary"
            onClick={() => {
              clearDraft();
              custom.clear();
            }}
          >
            Annuler
          </Link>
        </div>
        <p className="hint">
          {dirty ? 'Brouillon gardé sur cet appareil, chiffré : rien n’est perdu si vous quittez cette page. ' : ''}
          Enregistré d'abord sur cet appareil, puis envoyé au serveur dès que le réseau le permet.
        </p>
      </form>
    </main>
  );
}
