// « Types de consultation » of the settings screen (administrators): the list the dossier médical
// offers, one type per line. A type's own fields are custom fields of target « Consultations »
// naming it (decision 012). Its own form and draft; saving writes only this list. Removing a type
// never touches the consultations of that type (their form keeps offering it).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useDraft, useSettings, useWriter } from '../../data/hooks.ts';
import { TextAreaField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { saveFailure } from '../../ui/save-failure.ts';
import { checkConsultationTypes } from './consultation-types.ts';

const DRAFT_KEY = 'settings.consultationTypes';

export function ConsultationTypesSettings() {
  const headingId = useId();
  const settings = useSettings();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<string | null>(DRAFT_KEY, null);
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const text = draft ?? settings.consultationTypes.join('\n');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    const checked = checkConsultationTypes(text);
    if (!checked.ok) {
      setError(checked.error);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const { createdAt: _c, createdBy: _cb, deletedAt: _d, deletedBy: _db, ...current } = settings;
      // One settings record per organisation: writing it again stores only what changed, this list.
      const id = await writer.derivedId('settings');
      await writer.create('settings', { ...current, consultationTypes: checked.types }, id);
      clearDraft();
      setSaved(true);
    } catch (failure) {
      setAlert(saveFailure(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="consultation-types-settings">
      <h2 id={headingId}>Types de consultation</h2>
      <p>
        Les types proposés dans les consultations du dossier médical. Les champs propres à un type se définissent ci-dessus, dans les champs
        personnalisés « Consultations ».
      </p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <TextAreaField
          label="Types de consultation (un par ligne)"
          value={text}
          onValue={(next) => {
            setDraft(next);
            setSaved(false);
          }}
          error={error}
          rows={5}
          maxLength={25_000}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Enregistrement…">
            Enregistrer les types de consultation
          </SubmitButton>
        </div>
        <StatusMessage>{saved ? 'Types de consultation enregistrés.' : ''}</StatusMessage>
      </form>
    </section>
  );
}
