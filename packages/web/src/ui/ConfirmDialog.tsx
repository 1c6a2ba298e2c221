// A button that asks, in a modal dialog, before doing something that cannot be taken back lightly
// (sending a record to the corbeille, removing a member's access). The dialog keeps focus inside,
// closes with Échap, starts on « Annuler », shows a refusal in place, and gives the focus back to
// its button when it closes.
import { useId, useRef, useState, type ReactNode } from 'react';
import { FormAlert } from './feedback.tsx';

export interface ConfirmDialogProps {
  trigger: ReactNode;
  triggerClassName: string;
  title: string;
  /** What follows if confirmed: a sentence, or paragraphs. */
  text: ReactNode;
  /** The confirming button's label. */
  confirmLabel: string;
  /** Does it; resolves once done (then the dialog closes). */
  onConfirm: () => Promise<void>;
  /** The French message for a refusal. */
  failure: (error: unknown) => string;
}

export function ConfirmDialog({ trigger, triggerClassName, title, text, confirmLabel, onConfirm, failure }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
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
  const cancel = () => {
    dialog.current?.close();
    setAlert(null);
  };
  return (
    <>
      <button ref={opener} type="button" className={triggerClassName} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="confirm-dialog"
        onClose={() => opener.current?.isConnected && opener.current.focus()}
      >
        <h2 id={titleId}>{title}</h2>
        {typeof text === 'string' ? <p id={textId}>{text}</p> : <div id={textId}>{text}</div>}
        <FormAlert message={alert} />
        <div className="actions">
          <button type="button" className="danger" aria-disabled={busy || undefined} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={cancel} autoFocus>
            Annuler
          </button>
        </div>
      </dialog>
    </>
  );
}

/** Sending a record to the corbeille, from where a member can restore it. */
export function TrashConfirm(props: Omit<ConfirmDialogProps, 'confirmLabel'>) {
  return <ConfirmDialog {...props} confirmLabel="Mettre à la corbeille" />;
}
