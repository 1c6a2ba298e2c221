// Where the key rotation stands, on the Members screen: a progress bar of the records
// re-encrypted (« Renouvellement des clés : 12 000 / 100 000 fiches »), « En attente du réseau »
// while the Worker retries, and a button to try again after a failure.
import { useId, useSyncExternalStore } from 'react';
import { StatusMessage } from '../ui/feedback.tsx';
import type { RotationClient } from './client.ts';
import { progressLabel, statusText, totals } from './progress.ts';

export function RotationPanel({ client }: { client: RotationClient }) {
  const view = useSyncExternalStore(client.subscribe, client.getState);
  const titleId = useId();
  const labelId = useId();
  if (view.phase === 'idle') return null;
  const count = view.phase === 'running' || view.phase === 'finished' ? totals(view.kinds) : null;
  const label = count ? progressLabel(count) : null;
  return (
    <section aria-labelledby={titleId} className="card rotation">
      <h2 id={titleId}>Renouvellement des clés</h2>
      {count && label ? (
        <>
          <p id={labelId}>{label}</p>
          <progress
            max={Math.max(count.total, 1)}
            value={count.done}
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={count.total}
            aria-valuenow={count.done}
            aria-valuetext={label}
            style={{ inlineSize: '100%' }}
          />
        </>
      ) : null}
      <StatusMessage>{statusText(view)}</StatusMessage>
      {view.phase === 'failed' ? (
        <p>
          <button type="button" className="secondary" onClick={() => void client.resume()}>
            Reprendre le renouvellement des clés
          </button>
        </p>
      ) : null}
    </section>
  );
}
