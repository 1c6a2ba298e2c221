// Comments are added, not rewritten; their author may still correct one (a typo, a forgotten
// detail, the « prioritaire » mark). The correction is kept as a draft like any form, and the
// record's history keeps what it said before.
import { useRef, useState, type FormEvent } from 'react';
import { CheckboxField, TextAreaField } from '../../ui/fields.tsx';
import { FormAlert, SubmitButton } from '../../ui/feedback.tsx';
import { useDraft, useWriter, type CommentFields } from './data.ts';
import { failureMessage, fieldErrorsOf, focusFirstError, type FieldErrors } from './errors.ts';
import { COMMENT_MAX } from './labels.ts';

interface Correction {
  text: string;
  priority: boolean;
}

export function CommentCorrection({ id, fields, onDone }: { id: string; fields: CommentFields; onDone: (message: string) => void }) {
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<Correction>(`comment-correction:${id}`, { text: fields.text, priority: fields.priority });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!draft.text.trim()) {
      setErrors({ text: 'Veuillez saisir le commentaire.' });
      return focusFirstError(form.current);
    }
    setErrors({});
    setBusy(true);
    try {
      const patch: Partial<CommentFields> = {};
      if (draft.text.trim() !== fields.text) patch.text = draft.text.trim();
      if (draft.priority !== fields.priority) patch.priority = draft.priority;
      if (Object.keys(patch).length > 0) await writer.update('comment', id, patch);
      clearDraft();
      onDone('Commentaire corrigé.');
    } catch (error) {
      const byField = fieldErrorsOf(error);
      if (byField) {
        setErrors(byField);
        focusFirstError(form.current);
      }
      if (!byField || byField['']) setAlert(failureMessage(error));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="ac-comment-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Correction du commentaire">
      <FormAlert message={alert} />
      <TextAreaField label="Corriger le commentaire" value={draft.text} onValue={(text) => setDraft({ ...draft, text })} error={errors.text} maxLength={COMMENT_MAX} rows={3} />
      <CheckboxField label="Prioritaire" checked={draft.priority} onChecked={(priority) => setDraft({ ...draft, priority })} />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Enregistrement…">
          Enregistrer la correction
        </SubmitButton>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            clearDraft();
            onDone('');
          }}
        >
          Annuler
        </button>
      </div>
    </form>
  );
}
