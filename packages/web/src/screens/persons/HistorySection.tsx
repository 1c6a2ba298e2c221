// « Historique »: every field change of the file, who and when, the value before and after.
// Kept as history records of their own, so it syncs and survives like the file itself.
import { useState } from 'react';
import type { ChangeInput } from './timeline.ts';
import { displayValue, fieldLabel } from './labels.ts';
import { formatNumericDateTime } from '../../ui/dates.ts';
import type { Who } from './names.ts';
import { CustomFieldsChange } from '../custom-fields/CustomFieldsChange.tsx';

const PAGE = 20;

export function HistorySection({ changes, who, teamNames }: { changes: readonly (ChangeInput & { id: string })[]; who: Who; teamNames: ReadonlyMap<string, string> }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <section aria-labelledby="history-title" className="file-section" id="historique">
      <h2 id="history-title">Historique</h2>
      {changes.length === 0 ? (
        <p className="empty">Aucune modification depuis la création de la fiche.</p>
      ) : (
        <ol className="history-list">
          {changes.slice(0, shown).map((c) => (
            <li key={c.id}>
              <p className="history-head">
                <strong>{fieldLabel(c.field)}</strong> — {formatNumericDateTime(c.at)}, par {who(c.by)}
              </p>
              {c.field === 'customFields' ? (
                <CustomFieldsChange before={c.before} after={c.after} />
              ) : (
                <p className="history-change">
                  <span className="before">
                    <span className="sr-only">Avant : </span>
                    {displayValue(c.field, c.before, teamNames)}
                  </span>
                  <span aria-hidden="true"> → </span>
                  <span className="after">
                    <span className="sr-only">, après : </span>
                    {displayValue(c.field, c.after, teamNames)}
                  </span>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {changes.length > shown ? (
        <button type="button" className="secondary small" onClick={() => setShown((n) => n + PAGE)}>
          Afficher les modifications plus anciennes ({changes.length - shown} de plus)
        </button>
      ) : null}
    </section>
  );
}
