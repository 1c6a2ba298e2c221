import { useState } from 'react';
import type { Me } from '@relais/core/protocol';
import { useController } from '../app/context.ts';
import { StatusMessage } from '../ui/feedback.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { LogoutButton } from './LogoutButton.tsx';

/** A new member waits here until an administrator seals the organisation keys to them. */
export function PendingScreen({ me }: { me: Me }) {
  const controller = useController();
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    try {
      await controller.refreshMe();
    } finally {
      setChecking(false);
    }
  };
  return (
    <main id="main" className="narrow">
      <ScreenTitle>En attente de confirmation</ScreenTitle>
      <p className="notice">En attente de confirmation par un administrateur</p>
      <p>
        Votre compte <strong>{me.user.email}</strong> a bien été créé dans <strong>{me.organisation.name}</strong>. Un
        administrateur doit maintenant le confirmer pour vous donner accès aux données chiffrées. Cette page s'ouvrira
        d'elle-même dès que ce sera fait.
      </p>
      <p>
        <button type="button" className="secondary" onClick={() => void check()}>
          Vérifier maintenant
        </button>
      </p>
      <StatusMessage>{checking ? 'Vérification…' : ''}</StatusMessage>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => controller.lock()}>
          Verrouiller
        </button>
        <LogoutButton />
      </div>
    </main>
  );
}
