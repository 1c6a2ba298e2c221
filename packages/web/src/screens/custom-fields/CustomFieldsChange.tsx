// A change or a conflict of a record's `customFields` map, in the words of the history: one line
// per custom field that changed, named by its definition's label (a removed field keeps its own).
import type { Json } from '@relais/core/sync/types';
import { customFieldChanges, readCustomValues } from '@relais/core/domain/custom-fields';
import { useSettings } from '../../data/hooks.ts';
import { customValuesText } from './custom-fields-view.ts';

export function CustomFieldsChange({ before, after }: { before: Json; after: Json }) {
  const { customFieldDefinitions } = useSettings();
  const changes = customFieldChanges(customFieldDefinitions, before, after);
  if (changes.length === 0) return <p className="history-change">Aucune valeur modifiée.</p>;
  return (
    <>
      {changes.map((c) => (
        <p className="history-change" key={c.definitionId}>
          <span className="field-name">{c.label} : </span>
          <span className="before">
            <span className="sr-only">avant : </span>
            {c.before}
          </span>
          <span aria-hidden="true"> → </span>
          <span className="after">
            <span className="sr-only">, après : </span>
            {c.after}
          </span>
        </p>
      ))}
    </>
  );
}

/** A whole set of custom values in one line (the two sides of a conflict). */
export function CustomValuesText({ values }: { values: Json }) {
  const { customFieldDefinitions } = useSettings();
  return <>{customValuesText(customFieldDefinitions, readCustomValues(values))}</>;
}
