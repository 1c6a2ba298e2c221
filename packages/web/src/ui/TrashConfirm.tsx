// A button that asks, in a modal dialog, before sending a record to the corbeille: the dialog
// keeps focus inside, closes with Échap, starts on « Annuler » and shows a refusal in place.
import { useId, useRef, useState, type ReactNode } from 'react';
import { FormAlert } from './feedback.tsx';

export function TrashConfirm({
  trigger,
  triggerClassName,
  title,
  text,
  onConfirm,
  failure,
}: {
  trigger: ReactNode;
  triggerClassName: string;
  title: string;
  text: string;
  /** Sends to the corbeille; resolves once done (then the dialog closes). */
  onConfirm: () => Promise<void>;
  /** The French message for a refusal. */
  failure: (error: unknown) => string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setAlert(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (error) {
      setAlert(failure(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={triggerClassName} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} aria-describedby={textId} className="confirm-dialog">
        <h2 id={titleId}>{title}</h2>
        <p id={textId}>{text}</p>
        <FormAlert message={alert} />
        <div className="actions">
          <button type="button" className="danger" aria-disabled={busy || undefined} onClick={() => void confirm()}>
            Mettre à la corbeille
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Annuler
          </button>
        </div>
      </dialog>
    </>
  );
}
