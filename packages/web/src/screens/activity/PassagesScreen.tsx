// The day's passages, for one team or all, newest first.
import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { plural } from '../../ui/format.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { passageHeadcount } from '@relais/core/domain/passage';
import { onDay, passageWho } from './activity.ts';
import { PendingBadge } from './common.tsx';
import { DayPicker, TeamSelect, teamName, useTeam } from './controls.tsx';
import { useIndex, useRecords } from './data.ts';
import { takeFlash } from '../../ui/flash.ts';
import { usePersonNames } from './hooks.ts';
import { activityPaths, queryDate } from './paths.ts';
import { formatClock, localDate } from '../../ui/dates.ts';

export function PassagesScreen() {
  const { teamId, teams } = useTeam();
  const [filterTeam, setFilterTeam] = useState(teamId);
  const [date, setDate] = useState(() => queryDate('date') || localDate(Date.now()));
  const [flash] = useState(() => takeFlash());
  const passages = useIndex('passage');
  const names = usePersonNames();
  const day = useMemo(() => (passages ? onDay(passages, date, filterTeam) : null), [passages, date, filterTeam]);
  const ids = useMemo(() => (day ?? []).map((p) => p.id), [day]);
  const full = useRecords('passage', ids);
  const comments = useMemo(() => new Map((full ?? []).map((r) => [r.id, r.fields.comment])), [full]);
  const total = (day ?? []).reduce((sum, p) => sum + passageHeadcount(p.summary), 0);

  return (
    <main id="main">
      <div className="title-row">
        <ScreenTitle>Passages</ScreenTitle>
        <Link href={activityPaths.passageNew()} className="button primary">
          Nouveau passage
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
          <StatusMessage className="result-count">
            {day.length === 0 ? 'Aucun passage ce jour.' : `${plural(total, 'passage', 'passages')} ce jour (${plural(day.length, 'saisie', 'saisies')}).`}
          </StatusMessage>
          <ul className="activity-list" aria-label="Passages du jour">
            {day.map((p) => {
              const who = passageWho(p.summary, names);
              const comment = comments.get(p.id);
              return (
                <li key={p.id}>
                  <p className="activity-head">
                    <span className="activity-time">{formatClock(p.summary.date)}</span>
                    <span className="activity-team">{teamName(teams, p.summary.teamId)}</span>
                    <PendingBadge pending={p.pending} />
                  </p>
                  <p className="activity-who">{who}</p>
                  {comment ? <p className="activity-text">{comment}</p> : null}
                  <Link href={activityPaths.passageEdit(p.id)} aria-label={`Modifier le passage de ${formatClock(p.summary.date)} (${who})`}>
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
