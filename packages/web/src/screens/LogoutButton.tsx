import { useRef, useState } from 'react';
import { useController } from '../app/context.ts';

/**
 * Logging out erases this account's data from the device, outbox included: with changes not yet
 * sent, the person is warned and must confirm (a second press) first.
 */
export function LogoutButton({ className }: { className?: string }) {
  const controller = useController();
  const [warning, setWarning] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const press = async () => {
    if (busy) return;
    setBusy(true);
    try {
      if (warning === null) {
        const pending = await controller.pendingChanges().catch(() => 0);
        if (pending > 0) {
          setWarning(pending);
          return;
        }
      }
      await controller.logout();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="logout">
      <button ref={button} type="button" className={className ?? 'secondary'} onClick={() => void press()}>
        {warning === null ? 'Se déconnecter' : 'Se déconnecter quand même'}
      </button>
      <div role="alert" className={warning === null ? 'alert empty' : 'alert'}>
        {warning === null ? '' : logoutWarning(warning)}
        {warning === null ? null : (
          <p>
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                setWarning(null);
                button.current?.focus();
              }}
            >
              Annuler la déconnexion
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

function logoutWarning(count: number): string {
  const sent =
    count === 1
      ? "1 modification n'a pas encore été envoyée au serveur"
      : `${count} modifications n'ont pas encore été envoyées au serveur`;
  const lost = count === 1 ? 'cette modification serait perdue' : 'ces modifications seraient perdues';
  return `${sent}. Se déconnecter efface les données de cet appareil : ${lost}. Synchronisez d'abord si possible.`;
}
