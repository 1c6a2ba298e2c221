// The conflict mark: when two devices changed the same field, one value was kept and the other set
// aside. Both are shown so nothing typed is lost; the person decides by editing the file.
import type { Json } from '@relais/core/sync/types';
import { displayValue, fieldLabel } from './labels.ts';
import { formatNumericDateTime } from '../../ui/dates.ts';
import type { Who } from './names.ts';
import { CustomValuesText } from '../custom-fields/CustomFieldsChange.tsx';

export interface ConflictView {
  id: string;
  field: string;
  keptValue: Json;
  setAsideValue: Json;
  keptStamp: string;
  setAsideStamp: string;
}

/** "le 04/05/2026 14:05 par vous" from a stamp "<ISO>|<userId>". */
function describeStamp(stamp: string, who: Who): string {
  const [iso, userId] = stamp.split('|');
  const when = iso ? formatNumericDateTime(iso) : '';
  return `${when ? `le ${when} ` : ''}par ${who(userId ?? '')}`;
}

export function ConflictSection({ conflicts, who, teamNames }: { conflicts: readonly ConflictView[]; who: Who; teamNames: ReadonlyMap<string, string> }) {
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        <span aria-hidden="true">⚠ </span>
        {conflicts.length === 1 ? 'Conflit : une autre valeur a été mise de côté' : `Conflits : ${conflicts.length} autres valeurs ont été mises de côté`}
      </h2>
      <p className="hint-on-warning">
        Deux modifications du même champ se sont croisées. Une valeur a été conservée ; l'autre est gardée ici pour que rien
        ne soit perdu. Modifiez la fiche si la valeur mise de côté est la bonne.
      </p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id} className="conflict">
            <h3>{fieldLabel(c.field)}</h3>
            <dl>
              <dt>Valeur conservée</dt>
              <dd>
                <span className="value">{c.field === 'customFields' ? <CustomValuesText values={c.keptValue} /> : displayValue(c.field, c.keptValue, teamNames)}</span>
                <span className="stamp"> — saisie {describeStamp(c.keptStamp, who)}</span>
              </dd>
              <dt>Valeur mise de côté</dt>
              <dd>
                <span className="value">{c.field === 'customFields' ? <CustomValuesText values={c.setAsideValue} /> : displayValue(c.field, c.setAsideValue, teamNames)}</span>
                <span className="stamp"> — saisie {describeStamp(c.setAsideStamp, who)}</span>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
