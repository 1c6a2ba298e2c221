import { useSyncExternalStore } from 'react';
import { useController, useSyncStatus, useWorkspace } from './context.ts';
import { backgroundLine } from '../rotation/progress.ts';
import { rotationClientFor } from '../rotation/session.ts';
import { useSyncProgress } from '../data/hooks.ts';
import type { SyncProgress } from '../data/types.ts';
import { formatSyncTime, plural } from '../ui/format.ts';

export function pendingText(pending: number): string {
  return pending === 0 ? 'Aucune modification en attente' : `${plural(pending, 'modification', 'modifications')} en attente`;
}

/** The first sync's progress, or null once it is over. */
export function progressText(progress: SyncProgress): string | null {
  if (progress.phase === 'done') return null;
  const received = `Synchronisation : ${plural(progress.pulled, 'élément reçu', 'éléments reçus')}`;
  return progress.phase === 'persons' ? `${received} (les personnes d'abord)` : `${received} (personnes reçues, suite en cours)`;
}

/**
 * A health professional's device re-encrypts the dossier médical in the background after a
 * member left (decision 017): its progress, on one line.
 */
function BackgroundRotationLine() {
  const controller = useController();
  const { session } = useWorkspace();
  const client = rotationClientFor(controller, session);
  const line = backgroundLine(useSyncExternalStore(client.subscribe, client.getState));
  return line ? <p className="rotation-line">{line}</p> : null;
}

export function SyncStatusBar() {
  const { session, workspace } = useWorkspace();
  const status = useSyncStatus();
  const progress = progressText(useSyncProgress());
  return (
    <section className="sync-bar" aria-label="État de la synchronisation">
      <div role="status" className="sync-state">
        <span className={status.online ? 'pill online' : 'pill offline'}>
          <span aria-hidden="true" className="dot" />
          {status.online ? 'En ligne' : 'Hors ligne'}
        </span>
        <span className={status.pending > 0 ? 'pending has-pending' : 'pending'}>{pendingText(status.pending)}</span>
        {status.syncing ? <span className="syncing">Synchronisation…</span> : null}
      </div>
      {/* Outside the live region: a count changing every second would be read out every second. */}
      {progress ? <p className="first-sync">{progress}</p> : null}
      {session.me.user.healthProfessional ? <BackgroundRotationLine /> : null}
      <p className="last-sync">
        {status.lastSyncAt === null ? 'Jamais synchronisé' : `Dernière synchronisation : ${formatSyncTime(status.lastSyncAt)}`}
      </p>
      <button type="button" className="secondary small" onClick={() => void workspace.sync.syncNow()} aria-disabled={status.syncing || undefined}>
        Synchroniser
      </button>
      {status.error ? (
        <p className="sync-error" role="alert">
          {status.error}
        </p>
      ) : null}
    </section>
  );
}
