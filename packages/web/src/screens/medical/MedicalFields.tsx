// The person's medical custom fields (target `personMedical`): their values live in the person's
// medical file record (one per person, id derived from the person's), under the medical key, never
// in the person record (decision 012). Shown as label → value; « Modifier » opens the inputs.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { applicableDefinitions, readCustomValues, storedCustomValues } from '@relais/core/domain/custom-fields';
import { useDerivedId, useRecord, useSettings, useWriter } from '../../data/hooks.ts';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { CustomFieldsInputs } from '../custom-fields/CustomFieldsInputs.tsx';
import { shownCustomFields } from '../custom-fields/custom-fields-view.ts';
import { useCurrentTeam } from '../custom-fields/useCurrentTeam.ts';
import { useCustomValues } from '../custom-fields/useCustomValues.ts';
import { medicalDraftKey } from './medical-form.ts';

export function MedicalFields({ personId }: { personId: string }) {
  const derivedId = useDerivedId();
  const [fileId, setFileId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    derivedId('medicalFile', personId).then(
      (id) => {
        if (live) setFileId(id);
      },
      (error: unknown) => console.error('cannot derive the medical file id', error),
    );
    return () => {
      live = false;
    };
  }, [derivedId, personId]);
  const { customFieldDefinitions } = useSettings();
  const hasDefinitions = useMemo(() => Object.values(customFieldDefinitions).some((d) => d.target === 'personMedical'), [customFieldDefinitions]);
  if (!hasDefinitions || fileId === null) return null;
  return <MedicalFieldsOf personId={personId} fileId={fileId} />;
}

function MedicalFieldsOf({ personId, fileId }: { personId: string; fileId: string }) {
  const headingId = useId();
  const record = useRecord('medicalFile', fileId);
  const settings = useSettings();
  const teamId = useCurrentTeam();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [editing, setEditing] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const raw = record.status === 'found' && !record.deleted ? record.fields.customFields : undefined;
  const stored = useMemo(() => storedCustomValues(raw), [raw]);
  const values = useMemo(() => readCustomValues(raw), [raw]);
  const shown = useMemo(() => shownCustomFields(settings.customFieldDefinitions, values, 'personMedical', teamId), [settings.customFieldDefinitions, values, teamId]);
  const definitions = useMemo(() => applicableDefinitions(settings.customFieldDefinitions, { target: 'personMedical', teamId }), [settings.customFieldDefinitions, teamId]);
  const custom = useCustomValues(medicalDraftKey('medicalFile', personId), definitions, stored);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    const checked = custom.check();
    if (!checked.ok) {
      setAlert('Certains champs sont à corriger.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      // One record per person: created at the first save, under its derived id, updated after.
      if (record.status === 'found' && !record.deleted) await writer.update('medicalFile', fileId, { customFields: checked.values });
      else await writer.create('medicalFile', { personId, customFields: checked.values }, fileId);
      custom.clear();
      setEditing(false);
      setDone('Informations médicales enregistrées.');
    } catch (error) {
      setAlert(saveFailure(error).message);
    } finally {
      setBusy(false);
    }
  };

  if (record.status === 'loading') return null;
  return (
    <section aria-labelledby={headingId} className="medical-fields">
      <h3 id={headingId}>Informations médicales</h3>
      <StatusMessage>{done}</StatusMessage>
      {editing ? (
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Modifier les informations médicales">
          <FormAlert message={alert} />
          <CustomFieldsInputs state={custom} title="Champs médicaux" />
          <div className="actions">
            <SubmitButton busy={busy} busyLabel="Enregistrement…">
              Enregistrer
            </SubmitButton>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                custom.clear();
                setEditing(false);
              }}
            >
              Annuler
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="person-fields">
            {shown.map((f) => (
              <div key={f.id}>
                <dt>{f.group ? `${f.group} · ${f.label}` : f.label}</dt>
                <dd className={f.multiline ? 'multiline' : undefined}>{f.value}</dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDone('');
              setEditing(true);
            }}
          >
            Modifier<span className="sr-only"> les informations médicales</span>
          </button>
        </>
      )}
    </section>
  );
}
