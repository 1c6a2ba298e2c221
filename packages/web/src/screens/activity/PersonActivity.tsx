// A person's passages and rencontres, newest first, for the person's file (rendered by the persons
// feature). Comments are decrypted only for the entries shown.
import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { namesOf, personTimeline } from './activity.ts';
import { PendingBadge } from './common.tsx';
import { teamName, useTeam } from './controls.tsx';
import { useIndexGroup, useRecords, useSettings } from './data.ts';
import { usePersonNames, useTerritoryNames } from './hooks.ts';
import { activityPaths } from './paths.ts';
import { formatDateTime } from '../../ui/dates.ts';

const PAGE = 20;

export function PersonActivity({ personId }: { personId: string }) {
  const settings = useSettings();
  const { teams } = useTeam();
  const names = usePersonNames();
  const territories = useTerritoryNames();
  const passages = useIndexGroup('passage', 'personIds', personId);
  const encounters = useIndexGroup('encounter', 'personIds', personId);
  const [shown, setShown] = useState(PAGE);
  const showPassages = settings.modules.passages;
  const showEncounters = settings.modules.encounters;
  const entries = useMemo(
    () => personTimeline(showPassages ? (passages ?? []) : [], showEncounters ? (encounters ?? []) : [], personId),
    [passages, encounters, personId, showPassages, showEncounters],
  );
  const visible = entries.slice(0, shown);
  const passageIds = useMemo(() => visible.filter((e) => e.kind === 'passage').map((e) => e.id), [visible]);
  const encounterIds = useMemo(() => visible.filter((e) => e.kind === 'encounter').map((e) => e.id), [visible]);
  const passageRecords = useRecords('passage', passageIds);
  const encounterRecords = useRecords('encounter', encounterIds);
  const details = useMemo(() => {
    const map = new Map<string, { comment: string; others: string[]; territoryId: string; anonymousCount: number; pending: boolean }>();
    for (const r of passageRecords ?? []) map.set(r.id, { comment: r.fields.comment, others: r.fields.personIds.filter((p) => p !== personId), territoryId: '', anonymousCount: r.fields.anonymousCount, pending: r.pending });
    for (const r of encounterRecords ?? []) map.set(r.id, { comment: r.fields.comment, others: r.fields.personIds.filter((p) => p !== personId), territoryId: r.fields.territoryId, anonymousCount: 0, pending: r.pending });
    return map;
  }, [passageRecords, encounterRecords, personId]);

  if (!showPassages && !showEncounters) return null;
  const title = showPassages && showEncounters ? 'Passages et rencontres' : showPassages ? 'Passages' : 'Rencontres';
  return (
    <section className="person-activity" aria-labelledby={`activity-${personId}`}>
      <h2 id={`activity-${personId}`}>{title}</h2>
      <div className="actions">
        {showPassages ? (
          <Link href={activityPaths.passageNew(personId)} className="button secondary">
            Ajouter un passage
          </Link>
        ) : null}
        {showEncounters ? (
          <Link href={activityPaths.encounterNew({ personId })} className="button secondary">
            Ajouter une rencontre
          </Link>
        ) : null}
      </div>
      {passages === null || encounters === null ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : entries.length === 0 ? (
        <p className="empty">{showPassages && showEncounters ? 'Aucun passage ni aucune rencontre pour le moment.' : showPassages ? 'Aucun passage pour le moment.' : 'Aucune rencontre pour le moment.'}</p>
      ) : (
        <>
          <ul className="activity-list" aria-label={title}>
            {visible.map((e) => {
              const d = details.get(e.id);
              const territory = d?.territoryId ? territories.get(d.territoryId) : undefined;
              const kind = e.kind === 'passage' ? 'Passage' : 'Rencontre';
              return (
                <li key={e.id}>
                  <p className="activity-head">
                    <span className={`kind ${e.kind}`}>{kind}</span>
                    <span className="activity-time">{formatDateTime(e.date)}</span>
                    <span className="activity-team">{teamName(teams, e.teamId)}</span>
                    <PendingBadge pending={d?.pending ?? false} />
                  </p>
                  {d && d.others.length > 0 ? <p className="activity-who">Avec {namesOf(d.others, names).join(', ')}</p> : null}
                  {territory ? <p className="activity-where">Territoire : {territory}</p> : null}
                  {d?.comment ? <p className="activity-text">{d.comment}</p> : null}
                  <Link
                    href={e.kind === 'passage' ? activityPaths.passageEdit(e.id, personId) : activityPaths.encounterEdit(e.id, personId)}
                    aria-label={`Modifier : ${kind.toLowerCase()} du ${formatDateTime(e.date)}`}
                  >
                    Modifier
                  </Link>
                </li>
              );
            })}
          </ul>
          {entries.length > shown ? (
            <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
              Afficher plus ({entries.length - shown} de plus)
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
