// Writing or changing a consultation: type (the organisation's list), date and time, statut,
// constantes (checked against human ranges as they are saved), the type's custom fields, notes and
// « visible seulement par ». Kept as a draft sealed with the medical key until saved.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { CONSULTATION_STATUSES, CONSULTATION_STATUS_LABELS, type ConsultationFields, type ConsultationStatus } from '@relais/core/domain/consultation';
import { applicableDefinitions, storedCustomValues } from '@relais/core/domain/custom-fields';
import { optionsWithCurrent } from '@relais/core/domain/settings';
import { VITAL_SIGNS } from '@relais/core/domain/vital-signs';
import { useDraft, useMe, useSettings, useWriter } from '../../data/hooks.ts';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { CustomFieldsInputs } from '../custom-fields/CustomFieldsInputs.tsx';
import { useCurrentTeam } from '../custom-fields/useCurrentTeam.ts';
import { useCustomValues } from '../custom-fields/useCustomValues.ts';
import { CheckboxGroup } from '../persons/CheckboxGroup.tsx';
import { consultationDraftOf, consultationFromDraft, medicalDraftKey, newConsultationDraft, VITAL_SIGN_KEYS, type ConsultationDraft, type FieldErrors } from './medical-form.ts';

const STATUS_OPTIONS = CONSULTATION_STATUSES.map((value) => ({ value, label: CONSULTATION_STATUS_LABELS[value] }));
const NOTES_MAX = 20_000;

export function ConsultationForm({ personId, id, stored, onDone }: { personId: string; id?: string; stored?: ConsultationFields; onDone: (message: string) => void }) {
  const me = useMe();
  const settings = useSettings();
  const writer = useWriter();
  const teamId = useCurrentTeam();
  const form = useRef<HTMLFormElement>(null);
  const draftKey = medicalDraftKey('consultation', personId, id ?? 'new');
  const initial = useMemo(() => (stored ? consultationDraftOf(stored) : newConsultationDraft(new Date().toISOString(), settings.consultationTypes[0] ?? '')), [stored, settings.consultationTypes]);
  const [draft, setDraft, clearDraft] = useDraft<ConsultationDraft>(draftKey, initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const types = optionsWithCurrent(settings.consultationTypes, stored ? [stored.type] : []);
  const definitions = useMemo(
    () => applicableDefinitions(settings.customFieldDefinitions, { target: 'consultation', teamId, consultationType: draft.type }),
    [settings.customFieldDefinitions, teamId, draft.type],
  );
  const storedCustom = useMemo(() => storedCustomValues(stored?.customFields), [stored?.customFields]);
  const custom = useCustomValues(`${draftKey}:custom`, definitions, storedCustom);
  const colleagues = useMemo(() => me.colleagues.filter((c) => c.id !== me.user.id).map((c) => ({ value: c.id, label: c.name })), [me]);

  const edit = (patch: Partial<ConsultationDraft>) => setDraft({ ...draft, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    const customChecked = custom.check();
    const checked = consultationFromDraft(draft, personId, customChecked.ok ? customChecked.values : storedCustom);
    if (!checked.ok || !customChecked.ok) {
      setErrors(checked.ok ? {} : checked.errors);
      setAlert('Certains champs sont à corriger.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      if (id) await writer.update('consultation', id, checked.fields);
      else await writer.create('consultation', checked.fields);
      clearDraft();
      custom.clear();
      onDone(id ? 'Consultation modifiée.' : 'Consultation enregistrée.');
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.fields);
      setAlert(failure.message);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    clearDraft();
    custom.clear();
    onDone('');
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={id ? 'Modifier la consultation' : 'Nouvelle consultation'} className="medical-form">
      <FormAlert message={alert} />
      <SelectField
        label="Type de consultation"
        value={draft.type}
        onValue={(type) => edit({ type })}
        error={errors.type}
        options={[{ value: '', label: 'Choisir un type' }, ...types.map((t) => ({ value: t, label: t }))]}
      />
      <TextField label="Date" type="date" value={draft.date} onValue={(date) => edit({ date })} error={errors.date} required />
      <TextField label="Heure" type="time" value={draft.time} onValue={(time) => edit({ time })} error={errors.time} required />
      <SelectField<ConsultationStatus> label="Statut" value={draft.status} onValue={(status) => edit({ status })} error={errors.status} options={STATUS_OPTIONS} />
      <fieldset className="medical-vitals-fieldset">
        <legend>Constantes</legend>
        <p className="hint">Facultatives. Saisissez les décimales avec une virgule (ex. 72,5).</p>
        <div className="medical-vitals-grid">
          {VITAL_SIGN_KEYS.map((key) => (
            <TextField
              key={key}
              label={`${VITAL_SIGNS[key].label} (${VITAL_SIGNS[key].unit})`}
              value={draft.vitalSigns[key]}
              onValue={(value) => edit({ vitalSigns: { ...draft.vitalSigns, [key]: value } })}
              error={errors[`vitalSigns.${key}`] ?? (key === 'weightKg' ? errors.vitalSigns : undefined)}
              inputMode="decimal"
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>
      <CustomFieldsInputs state={custom} title={`Champs de la consultation ${draft.type}`.trim()} />
      <TextAreaField label="Notes" value={draft.notes} onValue={(notes) => edit({ notes })} error={errors.notes} maxLength={NOTES_MAX} rows={4} />
      <CheckboxGroup
        legend="Visible seulement par"
        hint="Sans choix, tous les professionnels de santé de l'organisation la voient. Vous la voyez toujours."
        options={colleagues}
        selected={draft.visibleTo}
        onChange={(visibleTo) => edit({ visibleTo })}
        error={errors.visibleTo}
        empty="Aucun autre membre dans l'organisation."
      />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Enregistrement…">
          {id ? 'Enregistrer les modifications' : 'Enregistrer la consultation'}
        </SubmitButton>
        <button type="button" className="secondary" onClick={cancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
