import { useSyncStatus, useWorkspace } from './context.ts';
import { formatSyncTime, plural } from '../ui/format.ts';

export function pendingText(pending: number): string {
  return pending === 0 ? 'Aucune modification en attente' : `${plural(pending, 'modification', 'modifications')} en attente`;
}

export function SyncStatusBar() {
  const { workspace } = useWorkspace();
  const status = useSyncStatus();
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
