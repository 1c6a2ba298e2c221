// The organisation's territoires, by name, with how many observations each has.
import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { PendingBadge } from './common.tsx';
import { useIndex } from './data.ts';
import { takeFlash } from '../../ui/flash.ts';
import { activityPaths } from './paths.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function TerritoriesScreen() {
  const territories = useIndex('territory');
  const observations = useIndex('observation');
  const [flash] = useState(() => takeFlash());
  const sorted = useMemo(() => (territories ? [...territories].sort((a, b) => collator.compare(a.summary.name, b.summary.name)) : null), [territories]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const o of observations ?? []) map.set(o.summary.territoryId, (map.get(o.summary.territoryId) ?? 0) + 1);
    return map;
  }, [observations]);

  return (
    <main id="main">
      <div className="title-row">
        <ScreenTitle>Territoires</ScreenTitle>
        <Link href={activityPaths.territoryNew} className="button primary">
          Nouveau territoire
        </Link>
      </div>
      {flash ? <StatusMessage>{flash}</StatusMessage> : null}
      {sorted === null ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : (
        <>
          <StatusMessage className="result-count">{sorted.length === 0 ? 'Aucun territoire pour le moment.' : plural(sorted.length, 'territoire', 'territoires')}</StatusMessage>
          <ul className="person-list" aria-label="Liste des territoires">
            {sorted.map((t) => (
              <li key={t.id}>
                <Link href={activityPaths.territory(t.id)}>
                  <span className="person-name">{t.summary.name}</span>
                  <span className="person-meta">
                    {[t.summary.types.join(', '), plural(counts.get(t.id) ?? 0, 'observation', 'observations')].filter(Boolean).join(' · ')}
                  </span>
                  {t.pending ? (
                    <span className="badges">
                      <PendingBadge pending />
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
