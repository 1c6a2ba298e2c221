// A person's actions still to do (late, today, upcoming, occurrences of series included), with a
// link to create one for them. For the person file: `<PersonActions personId={id} />`.
import { useCallback, useMemo, useState } from 'react';
import { agendaOverdue, agendaToday, agendaUpcoming, type AgendaEntry } from '@relais/core/domain/agenda';
import { Link } from '../../app/router.tsx';
import { FormAlert, StatusMessage } from '../../ui/feedback.tsx';
import { ActionRow } from './ActionRow.tsx';
import { useActionCommands } from './commands.ts';
import { localDate } from '../../ui/dates.ts';
import { failureMessage } from './errors.ts';
import { refocusAfterRemoval } from './focus.ts';
import { actionPaths } from './paths.ts';
import { useIndexGroup } from './data.ts';
import { usePersonNames } from './useAgendaData.ts';

const UPCOMING_SHOWN = 10;

export function PersonActions({ personId }: { personId: string }) {
  const actions = useIndexGroup('action', 'personIds', personId);
  const series = useIndexGroup('actionSeries', 'personIds', personId);
  const seriesById = useMemo(() => new Map((series ?? []).map((s) => [s.id, s.summary] as const)), [series]);
  const names = usePersonNames();
  const commands = useActionCommands();
  const today = localDate(Date.now());
  const [busy, setBusy] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const entries = useMemo(() => {
    if (!actions || !series) return null;
    const input = {
      today,
      actions,
      series,
    };
    const todays = agendaToday(input).filter((e) => e.summary.status === 'todo');
    return [...agendaOverdue(input), ...todays, ...agendaUpcoming(input).slice(0, UPCOMING_SHOWN)];
  }, [actions, series, personId, today]);

  const toggle = useCallback(
    (entry: AgendaEntry) => {
      setBusy(entry.key);
      setAlert(null);
      const refocus = refocusAfterRemoval(document.activeElement);
      commands
        .setStatus(entry, entry.summary.status === 'done' ? 'todo' : 'done', seriesById.get(entry.summary.seriesId) ?? null)
        .then(refocus, (error: unknown) => setAlert(failureMessage(error)))
        .finally(() => setBusy(null));
    },
    [commands, seriesById],
  );

  return (
    <section className="ac-person-actions" aria-labelledby="person-actions-title">
      <div className="title-row">
        <h2 id="person-actions-title">Actions à faire</h2>
        <Link href={actionPaths.createFor(personId)} className="button secondary small">
          Nouvelle action<span className="sr-only"> pour cette personne</span>
        </Link>
      </div>
      <FormAlert message={alert} />
      {entries === null ? (
        <StatusMessage>Chargement des actions…</StatusMessage>
      ) : entries.length === 0 ? (
        <p className="ac-muted">Aucune action à faire.</p>
      ) : (
        <ul className="ac-plain-action-list">
          {entries.map((e) => (
            <li key={e.key}>
              <ActionRow entry={e} today={today} names={names} busy={busy === e.key} onToggleDone={toggle} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
