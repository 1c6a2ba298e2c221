// « Mettre à la corbeille » for a record of the dossier médical, after a confirmation; it can be
// restored from the corbeille like any record.
import { useId, useRef, useState } from 'react';
import type { Collection } from '@relais/core/collections';
import { useWriter } from '../../data/hooks.ts';
import { FormAlert } from '../../ui/feedback.tsx';
import { saveFailure } from '../../ui/save-failure.ts';

export function RemoveButton({ collection, id, what, onRemoved }: { collection: Collection; id: string; what: string; onRemoved: (message: string) => void }) {
  const writer = useWriter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setAlert(null);
    try {
      await writer.remove(collection, id);
      dialog.current?.close();
      onRemoved(`Mis à la corbeille : ${what}. Vous pouvez le restaurer depuis la corbeille.`);
    } catch (error) {
      setAlert(saveFailure(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => dialog.current?.showModal()}>
        Mettre à la corbeille<span className="sr-only"> {what}</span>
      </button>
      {/* A modal dialog keeps focus inside and closes with Échap. */}
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm-dialog">
        <h2 id={titleId}>Mettre {what} à la corbeille ?</h2>
        <p>Vous pourrez le restaurer depuis la corbeille.</p>
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
