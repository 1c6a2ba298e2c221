// Pieces every activity screen uses: a disabled module, a missing record, the « not synced » badge.
import { useState, type ReactNode } from 'react';
import { MODULE_LABELS, type Modules } from '@relais/core/domain/settings';
import { Link } from '../../app/router.tsx';
import { FormAlert } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { useMe, useSettings, useWriter } from './data.ts';
import { saveFailure } from '../../ui/save-failure.ts';

export type ModuleName = keyof Modules;

/**
 * Renders the screen only while the organisation has the module switched on. An administrator
 * who follows a link to a module that is off can switch it on from here, as from « Paramètres ».
 */
export function ModuleGate({ module, children }: { module: ModuleName; children: ReactNode }) {
  const settings = useSettings();
  const me = useMe();
  const writer = useWriter();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (settings.modules[module]) return <>{children}</>;

  const enable = async () => {
    if (busy) return;
    setBusy(true);
    setAlert(null);
    try {
      const { createdAt: _c, createdBy: _cb, deletedAt: _d, deletedBy: _db, ...fields } = settings;
      // The settings record has a derived id: creating it again only writes what changed.
      const id = await writer.derivedId('settings');
      await writer.create('settings', { ...fields, modules: { ...settings.modules, [module]: true } }, id);
    } catch (error) {
      setAlert(saveFailure(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <ScreenTitle>{`Module « ${MODULE_LABELS[module]} » désactivé`}</ScreenTitle>
      <FormAlert message={alert} />
      {me.user.role === 'admin' ? (
        <>
          <p>Votre organisation n'utilise pas encore ce module. En tant qu'administrateur, vous pouvez l'activer pour tous ses membres.</p>
          <button type="button" className="primary" aria-disabled={busy || undefined} onClick={() => void enable()}>
            {`Activer le module « ${MODULE_LABELS[module]} »`}
          </button>
        </>
      ) : (
        <p>Votre organisation n'utilise pas ce module. Un administrateur peut l'activer.</p>
      )}
    </main>
  );
}

export function Missing({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  return (
    <main id="main">
      <ScreenTitle>{title}</ScreenTitle>
      <p>Cet élément n'existe pas sur cet appareil, ou il a été mis à la corbeille. S'il a été créé ailleurs, il apparaîtra après la prochaine synchronisation.</p>
      <p>
        <Link href={back}>{backLabel}</Link>
      </p>
    </main>
  );
}

export function PendingBadge({ pending }: { pending: boolean }) {
  return pending ? <span className="badge">Non synchronisé</span> : null;
}
