// « Supprimer »: after a confirmation, the person goes to the corbeille (who, when), from where
// « Restaurer » brings the file back as it was.
import { errorMessage } from '../../api/errors.ts';
import { navigate } from '../../app/router.tsx';
import { TrashConfirm } from '../../ui/ConfirmDialog.tsx';
import { useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import { personPaths } from './paths.ts';

export function DeletePerson({ id, name }: { id: string; name: string }) {
  const writer = useWriter();
  return (
    <section aria-labelledby="delete-title" className="file-section danger-zone">
      <h2 id="delete-title">Supprimer</h2>
      <p className="hint">La fiche va dans la corbeille ; un membre peut l'en restaurer.</p>
      <TrashConfirm
        trigger="Supprimer la personne"
        triggerClassName="danger"
        title={`Supprimer ${name || 'cette personne'} ?`}
        text="Le dossier sera mis à la corbeille sur tous les appareils après synchronisation. Vous pourrez le restaurer depuis la corbeille."
        onConfirm={async () => {
          await writer.remove('person', id);
          setFlash(`Le dossier de ${name || 'cette personne'} a été mis à la corbeille. Vous pouvez le restaurer depuis la corbeille.`);
          navigate(personPaths.list);
        }}
        failure={errorMessage}
      />
    </section>
  );
}
