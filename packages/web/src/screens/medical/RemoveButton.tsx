// « Mettre à la corbeille » for a record of the dossier médical, after a confirmation; it can be
// restored from the corbeille like any record.
import type { Collection } from '@relais/core/collections';
import { useWriter } from '../../data/hooks.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { TrashConfirm } from '../../ui/ConfirmDialog.tsx';

export function RemoveButton({ collection, id, what, onRemoved }: { collection: Collection; id: string; what: string; onRemoved: (message: string) => void }) {
  const writer = useWriter();
  return (
    <TrashConfirm
      trigger={
        <>
          Mettre à la corbeille<span className="sr-only"> {what}</span>
        </>
      }
      triggerClassName="secondary"
      title={`Mettre ${what} à la corbeille ?`}
      text="Vous pourrez le restaurer depuis la corbeille."
      onConfirm={async () => {
        await writer.remove(collection, id);
        onRemoved(`Mis à la corbeille : ${what}. Vous pouvez le restaurer depuis la corbeille.`);
      }}
      failure={(error) => saveFailure(error).message}
    />
  );
}
