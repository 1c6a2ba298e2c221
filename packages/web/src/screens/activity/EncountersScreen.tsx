// The day's rencontres (street encounters), for one team or all, newest first.
import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { namesOf, onDay } from './activity.ts';
import { PendingBadge } from './common.tsx';
import { DayPicker, TeamSelect, teamName, useTeam } from './controls.tsx';
import { useIndex, useRecords } from './data.ts';
import { takeFlash } from '../../ui/flash.ts';
import { usePersonNames, useTerritoryNames } from './hooks.ts';
import { activityPaths, queryDate } from './paths.ts';
import { formatClock, localDate } from '../../ui/dates.ts';

export function EncountersScreen() {
  const { teamId, teams } = useTeam();
  const [filterTeam, setFilterTeam] = useState(teamId);
  const [date, setDate] = useState(() => queryDate('date') || localDate(Date.now()));
  const [flash] = useState(() => takeFlash());
  const encounters = useIndex('encounter');
  const names = usePersonNames();
  const territories = useTerritoryNames();
  const day = useMemo(() => (encounters ? onDay(encounters, date, filterTeam) : null), [encounters, date, filterTeam]);
  const ids = useMemo(() => (day ?? []).map((e) => e.id), [day]);
  const full = useRecords('encounter', ids);
  const comments = useMemo(() => new Map((full ?? []).map((r) => [r.id, r.fields.comment])), [full]);

  return (
    <main id="main">
      <div className="title-row">
        <ScreenTitle>Rencontres</ScreenTitle>
        <Link href={activityPaths.encounterNew()} className="button primary">
          Nouvelle rencontre
        </Link>
      </div>
      {flash ? <StatusMessage>{flash}</StatusMessage> : null}
      <div className="filters">
        <TeamSelect teams={teams} value={filterTeam} onValue={setFilterTeam} allowAll />
        <DayPicker value={date} onValue={setDate} />
      </div>
      {day === null ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : (
        <>
          <StatusMessage className="result-count">{day.length === 0 ? 'Aucune rencontre ce jour.' : `${plural(day.length, 'rencontre', 'rencontres')} ce jour.`}</StatusMessage>
          <ul className="activity-list" aria-label="Rencontres du jour">
            {day.map((e) => {
              const who = namesOf(e.summary.personIds, names).join(', ');
              const comment = comments.get(e.id);
              const territory = e.summary.territoryId ? territories.get(e.summary.territoryId) : undefined;
              return (
                <li key={e.id}>
                  <p className="activity-head">
                    <span className="activity-time">{formatClock(e.summary.date)}</span>
                    <span className="activity-team">{teamName(teams, e.summary.teamId)}</span>
                    <PendingBadge pending={e.pending} />
                  </p>
                  <p className="activity-who">{who}</p>
                  {territory ? (
                    <p className="activity-where">
                      Territoire : <Link href={activityPaths.territory(e.summary.territoryId)}>{territory}</Link>
                    </p>
                  ) : null}
                  {comment ? <p className="activity-text">{comment}</p> : null}
                  <Link href={activityPaths.encounterEdit(e.id)} aria-label={`Modifier la rencontre de ${formatClock(e.summary.date)} (${who})`}>
                    Modifier
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </main>
  );
}
