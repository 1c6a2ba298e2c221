// Commentaires médicaux: what a health professional notes about the person that the rest of the
// team must not read. Newest first, with author and date; added, not rewritten.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useDraft, useIndexGroup, useMe, useMemberNames, useRecords, useWriter } from '../../data/hooks.ts';
import { TextAreaField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { saveFailure } from '../../ui/save-failure.ts';
import { formatNumericDateTime } from '../../ui/dates.ts';
import { medicalDraftKey } from './medical-form.ts';
import { RemoveButton } from './RemoveButton.tsx';

const TEXT_MAX = 10_000;

export function MedicalComments({ personId }: { personId: string }) {
  const headingId = useId();
  const me = useMe();
  const members = useMemberNames();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const index = useIndexGroup('medicalComment', 'personId', personId);
  const ids = useMemo(
    () => (index ? [...index].sort((a, b) => (a.summary.date < b.summary.date ? 1 : a.summary.date > b.summary.date ? -1 : 0)).map((c) => c.id) : null),
    [index],
  );
  const records = useRecords('medicalComment', ids ?? []);
  const [text, setText, clearText] = useDraft<string>(medicalDraftKey('medicalComment', personId), '');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    setDone('');
    if (!text.trim()) {
      setError('Veuillez saisir le commentaire médical.');
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await writer.create('medicalComment', { personId, text: text.trim(), date: new Date().toISOString() });
      clearText();
      setDone('Commentaire médical ajouté.');
    } catch (failure) {
      const { fields, message } = saveFailure(failure);
      setError(fields.text);
      setAlert(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="medical-comments">
      <h3 id={headingId}>Commentaires médicaux</h3>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Ajouter un commentaire médical">
        <FormAlert message={alert} />
        <TextAreaField label="Nouveau commentaire médical" value={text} onValue={setText} error={error} maxLength={TEXT_MAX} rows={3} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Enregistrement…">
            Ajouter le commentaire médical
          </SubmitButton>
        </div>
      </form>
      <StatusMessage>{done}</StatusMessage>
      {ids === null ? (
        <StatusMessage>Chargement des commentaires médicaux…</StatusMessage>
      ) : ids.length === 0 ? (
        <p className="hint">Aucun commentaire médical.</p>
      ) : (
        <ul className="medical-list">
          {(records ?? []).map(({ id, fields, pending }) => (
            <li key={id}>
              <p className="medical-meta">
                <strong>{fields.createdBy === me.user.id ? 'Vous' : (members.get(fields.createdBy ?? '') ?? 'Un autre membre')}</strong>
                <span>{formatNumericDateTime(fields.date)}</span>
                {pending ? <span className="badge">Non synchronisé</span> : null}
              </p>
              <p className="medical-notes">{fields.text}</p>
              {fields.createdBy === me.user.id ? (
                <div className="medical-actions">
                  <RemoveButton collection="medicalComment" id={id} what={`le commentaire médical du ${formatNumericDateTime(fields.date)}`} onRemoved={setDone} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
