// A person file's custom fields (social group), as label → value under their group headings.
// Medical-group fields are not here: their values belong to the dossier médical, under the
// medical key (decision 012).
import { useId, useMemo } from 'react';
import { readCustomValues, type CustomFieldTarget } from '@relais/core/domain/custom-fields';
import type { Json } from '@relais/core/sync/types';
import { useSettings } from '../../data/hooks.ts';
import { shownCustomFields } from './custom-fields-view.ts';
import { useCurrentTeam } from './useCurrentTeam.ts';

export function CustomFieldsSection({ values, target = 'personSocial', title = 'Champs personnalisés' }: { values: Json | undefined; target?: CustomFieldTarget; title?: string }) {
  const headingId = useId();
  const teamId = useCurrentTeam();
  const { customFieldDefinitions } = useSettings();
  const stored = useMemo(() => readCustomValues(values), [values]);
  const shown = useMemo(() => shownCustomFields(customFieldDefinitions, stored, target, teamId), [customFieldDefinitions, stored, target, teamId]);
  // Nothing while the file is still being decrypted: « Non renseigné » everywhere would be untrue.
  if (values === undefined || shown.length === 0) return null;
  const groups = [...new Set(shown.map((f) => f.group))];
  return (
    <section aria-labelledby={headingId} className="file-section custom-fields" id="champs-personnalises">
      <h2 id={headingId}>{title}</h2>
      {groups.map((group) => (
        <div key={group}>
          {group ? <h3>{group}</h3> : null}
          <dl className="person-fields">
            {shown
              .filter((f) => f.group === group)
              .map((f) => (
                <div key={f.id}>
                  <dt>{f.label}</dt>
                  <dd className={f.multiline ? 'multiline' : undefined}>{f.value}</dd>
                </div>
              ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
