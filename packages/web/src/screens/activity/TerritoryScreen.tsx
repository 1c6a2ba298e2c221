// One territoire: what it is, its observations and the rencontres made there, newest first.
import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { namesOf, newestFirst } from './activity.ts';
import { Missing, PendingBadge } from './common.tsx';
import { teamName, useTeam } from './controls.tsx';
import { useIndex, useRecord, useRecords, useSettings } from './data.ts';
import { takeFlash } from '../../ui/flash.ts';
import { usePersonNames } from './hooks.ts';
import { activityPaths } from './paths.ts';
import { formatDateTime } from '../../ui/dates.ts';

export function personsMetLabel(met: { women: number; men: number; other: number }): string {
  const total = met.women + met.men + met.other;
  if (total === 0) return 'Aucune personne rencontrée';
  return `${plural(total, 'personne rencontrée', 'personnes rencontrées')} : ${plural(met.women, 'femme', 'femmes')}, ${plural(met.men, 'homme', 'hommes')}, ${plural(met.other, 'autre', 'autres')}`;
}

export function TerritoryScreen({ id }: { id: string }) {
  const record = useRecord('territory', id);
  const settings = useSettings();
  const { teams } = useTeam();
  const names = usePersonNames();
  const [flash] = useState(() => takeFlash());
  const observationIndex = useIndex('observation');
  const encounterIndex = useIndex('encounter');
  const observationItems = useMemo(() => newestFirst((observationIndex ?? []).filter((o) => o.summary.territoryId === id)), [observationIndex, id]);
  const encounters = useMemo(() => newestFirst((encounterIndex ?? []).filter((e) => e.summary.territoryId === id)), [encounterIndex, id]);
  const observationIds = useMemo(() => observationItems.map((o) => o.id), [observationItems]);
  const observations = useRecords('observation', observationIds);
  const observationById = useMemo(() => new Map((observations ?? []).map((o) => [o.id, o.fields])), [observations]);

  if (record.status === 'loading') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (record.status === 'missing' || record.deleted) {
    return <Missing title="Territoire introuvable" back={activityPaths.territories} backLabel="Retour aux territoires" />;
  }
  const t = record.fields;
  return (
    <main id="main">
      <p className="breadcrumb">
        <Link href={activityPaths.territories}>← Territoires</Link>
      </p>
      <div className="title-row">
        <ScreenTitle>{t.name}</ScreenTitle>
        <Link href={activityPaths.territoryEdit(id)} className="button secondary">
          Modifier
        </Link>
      </div>
      {flash ? <StatusMessage>{flash}</StatusMessage> : null}
      {record.pending ? <PendingBadge pending /> : null}
      <dl className="person-fields">
        <div>
          <dt>Types</dt>
          <dd>{t.types.length > 0 ? t.types.join(', ') : <span className="empty">Non renseigné</span>}</dd>
        </div>
        <div>
          <dt>Périmètre</dt>
          <dd className="multiline">{t.perimeter || <span className="empty">Non renseigné</span>}</dd>
        </div>
        <div>
          <dt>Description</dt>
          <dd className="multiline">{t.description || <span className="empty">Non renseignée</span>}</dd>
        </div>
      </dl>

      <section aria-labelledby="observations-title">
        <div className="title-row">
          <h2 id="observations-title">Observations</h2>
          <Link href={activityPaths.observationNew(id)} className="button primary">
            Nouvelle observation
          </Link>
        </div>
        {observationIndex === null ? (
          <StatusMessage>Chargement…</StatusMessage>
        ) : observationItems.length === 0 ? (
          <p className="empty">Aucune observation sur ce territoire.</p>
        ) : (
          <ul className="activity-list" aria-label="Observations du territoire">
            {observationItems.map((o) => {
              const fields = observationById.get(o.id);
              return (
                <li key={o.id}>
                  <p className="activity-head">
                    <span className="activity-time">{formatDateTime(o.summary.date)}</span>
                    <span className="activity-team">{teamName(teams, o.summary.teamId)}</span>
                    <PendingBadge pending={o.pending} />
                  </p>
                  {fields ? (
                    <>
                      <p className="activity-who">{personsMetLabel(fields.personsMet)}</p>
                      {fields.text ? <p className="activity-text">{fields.text}</p> : null}
                    </>
                  ) : null}
                  <Link href={activityPaths.observationEdit(o.id)} aria-label={`Modifier l'observation du ${formatDateTime(o.summary.date)}`}>
                    Modifier
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {settings.modules.encounters ? (
        <section aria-labelledby="encounters-title">
          <div className="title-row">
            <h2 id="encounters-title">Rencontres sur ce territoire</h2>
            <Link href={activityPaths.encounterNew({ territoryId: id })} className="button secondary">
              Nouvelle rencontre
            </Link>
          </div>
          {encounterIndex === null ? (
            <StatusMessage>Chargement…</StatusMessage>
          ) : encounters.length === 0 ? (
            <p className="empty">Aucune rencontre sur ce territoire.</p>
          ) : (
            <ul className="activity-list" aria-label="Rencontres sur ce territoire">
              {encounters.map((e) => (
                <li key={e.id}>
                  <p className="activity-head">
                    <span className="activity-time">{formatDateTime(e.summary.date)}</span>
                    <span className="activity-team">{teamName(teams, e.summary.teamId)}</span>
                    <PendingBadge pending={e.pending} />
                  </p>
                  <p className="activity-who">
                    {e.summary.personIds.map((pid, i) => (
                      <span key={pid}>
                        {i > 0 ? ', ' : ''}
                        <Link href={activityPaths.person(pid)}>{namesOf([pid], names)[0]}</Link>
                      </span>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </main>
  );
}
