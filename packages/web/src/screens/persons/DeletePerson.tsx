// « Supprimer »: after a confirmation, the person goes to the corbeille (who, when), from where
// « Restaurer » brings the file back as it was.
import { useRef, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { navigate } from '../../app/router.tsx';
import { FormAlert } from '../../ui/feedback.tsx';
import { useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import { personPaths } from './paths.ts';

export function DeletePerson({ id, name }: { id: string; name: string }) {
  const writer = useWriter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setAlert(null);
    try {
      await writer.remove('person', id);
      dialog.current?.close();
      setFlash(`Le dossier de ${name || 'cette personne'} a été mis à la corbeille. Vous pouvez le restaurer depuis la corbeille.`);
      navigate(personPaths.list);
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-title" className="file-section danger-zone">
      <h2 id="delete-title">Supprimer</h2>
      <p className="hint">La fiche va dans la corbeille ; un membre peut l'en restaurer.</p>
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        Supprimer la personne
      </button>
      {/* A modal dialog keeps focus inside and closes with Échap. */}
      <dialog ref={dialog} aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-text" className="confirm-dialog">
        <h2 id="delete-dialog-title">Supprimer {name || 'cette personne'} ?</h2>
        <p id="delete-dialog-text">
          Le dossier sera mis à la corbeille sur tous les appareils après synchronisation. Vous pourrez le restaurer depuis la
          corbeille.
        </p>
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
    </section>
  );
}
