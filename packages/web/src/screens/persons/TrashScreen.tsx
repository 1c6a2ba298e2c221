// « Corbeille »: what was deleted, by whom and when, with « Restaurer ». Nothing is erased: a
// deleted record keeps its content and its history.
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { Link } from '../../app/router.tsx';
import { FormAlert, StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { useTrash, useWriter } from './data.ts';
import { collectionLabel } from '@relais/core/collections';
import { formatNumericDateTime } from '../../ui/dates.ts';
import { useWho } from './names.ts';
import { personPaths } from './paths.ts';

export function TrashScreen() {
  const trash = useTrash();
  const writer = useWriter();
  const who = useWho();
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; personId?: string } | null>(null);
  const entries = useMemo(() => [...trash].sort((a, b) => (b.deletedAt > a.deletedAt ? 1 : b.deletedAt < a.deletedAt ? -1 : 0)), [trash]);

  const restore = async (collection: (typeof trash)[number]['collection'], id: string, label: string) => {
    setAlert(null);
    try {
      await writer.restore(collection, id);
      setStatus({ text: `« ${label} » a été restauré(e).`, ...(collection === 'person' ? { personId: id } : {}) });
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  return (
    <main id="main" className="trash">
      <ScreenTitle>Corbeille</ScreenTitle>
      <p className="hint">Les éléments supprimés restent ici, chiffrés, jusqu'à ce que quelqu'un les restaure.</p>
      <FormAlert message={alert} />
      <StatusMessage>
        {status ? (
          <>
            {status.text}
            {status.personId ? (
              <>
                {' '}
                <Link href={personPaths.person(status.personId)}>Ouvrir le dossier</Link>
              </>
            ) : null}
          </>
        ) : (
          ''
        )}
      </StatusMessage>
      <p className="result-count">{entries.length === 0 ? 'La corbeille est vide.' : plural(entries.length, 'élément', 'éléments')}</p>
      {entries.length > 0 ? (
        <ul className="trash-list" aria-label="Éléments supprimés">
          {entries.map((e) => (
            <li key={`${e.collection}:${e.id}`}>
              <div>
                <p className="trash-what">
                  <span className="badge">{collectionLabel(e.collection)}</span> <strong>{e.label || '(sans titre)'}</strong>
                </p>
                <p className="hint">
                  Supprimé{e.deletedAt ? ` le ${formatNumericDateTime(e.deletedAt)}` : ''}
                  {e.deletedBy ? ` par ${who(e.deletedBy)}` : ''}
                </p>
              </div>
              <button type="button" className="secondary small" onClick={() => void restore(e.collection, e.id, e.label)}>
                Restaurer<span className="sr-only"> {e.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
