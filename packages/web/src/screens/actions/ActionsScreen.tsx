// /actions: the team's agenda. Four views (Aujourd'hui, En retard, À venir, Semaine), filters by
// team and category, a virtual list that stays fast with thousands of actions, and a quick
// « Marquer comme faite » on each row.
import { useCallback, useMemo, useState } from 'react';
import { agendaOverdue, agendaToday, agendaUpcoming, agendaWeek, type AgendaEntry } from '@relais/core/domain/agenda';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { FormAlert, StatusMessage } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { ACTION_ROW_HEIGHT, ActionRow } from './ActionRow.tsx';
import { useActionCommands } from './commands.ts';
import { useSettings, useTeams } from './data.ts';
import { failureMessage } from './errors.ts';
import { refocusAfterRemoval } from './focus.ts';
import { localDate } from '../../ui/dates.ts';
import { actionsHref, agendaFilters, ACTION_VIEWS, categoryGroupsWith, parseActionsQuery, VIEW_LABELS, type ActionsQuery, type ActionView } from './filters.ts';
import { actionPaths } from './paths.ts';
import { useActionIndexes, usePersonNames } from './useAgendaData.ts';
import { VirtualList } from './VirtualList.tsx';
import { WeekView } from './WeekView.tsx';

const EMPTY_TEXT: Record<Exclude<ActionView, 'week'>, string> = {
  today: "Aucune action pour aujourd'hui.",
  late: 'Aucune action en retard.',
  upcoming: 'Aucune action à venir.',
};

const rowHeight = () => ACTION_ROW_HEIGHT;
const entryKey = (entry: AgendaEntry) => entry.key;

function countText(count: number): string {
  return count === 1 ? '1 action' : `${count} actions`;
}

export function ActionsScreen() {
  const location = useLocation();
  const query = useMemo(() => parseActionsQuery(new URL(location, 'http://x').search), [location]);
  const { actions, series, seriesById, loading } = useActionIndexes();
  const names = usePersonNames();
  const teams = useTeams();
  const settings = useSettings();
  const commands = useActionCommands();
  const today = localDate(Date.now());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const filters = useMemo(() => agendaFilters(query), [query]);
  const views = useMemo(() => {
    if (!actions || !series) return null;
    const input = { today, actions, series, filters };
    return { today: agendaToday(input), late: agendaOverdue(input), upcoming: agendaUpcoming(input) };
  }, [actions, series, today, filters]);

  const weekOf = useCallback(
    (monday: string) => (actions && series ? agendaWeek({ today, actions, series, filters }, monday, 7) : []),
    [actions, series, today, filters],
  );

  const usedCategories = useMemo(() => (actions ?? []).flatMap((a) => a.summary.categories), [actions]);
  const groups = useMemo(() => categoryGroupsWith(settings.actionCategoryGroups, usedCategories), [settings, usedCategories]);

  const go = (patch: Partial<ActionsQuery>) => navigate(actionsHref({ ...query, ...patch }), { replace: true });

  const toggleDone = useCallback(
    (entry: AgendaEntry) => {
      const next = entry.summary.status === 'done' ? 'todo' : 'done';
      setBusy((b) => new Set(b).add(entry.key));
      setAlert(null);
      const refocus = refocusAfterRemoval(document.activeElement);
      commands
        .setStatus(entry, next, seriesById.get(entry.summary.seriesId) ?? null)
        .then(
          () => {
            setStatus(next === 'done' ? `« ${entry.summary.title} » marquée comme faite.` : `« ${entry.summary.title} » remise à faire.`);
            refocus();
          },
          (error: unknown) => setAlert(failureMessage(error)),
        )
        .finally(() =>
          setBusy((b) => {
            const copy = new Set(b);
            copy.delete(entry.key);
            return copy;
          }),
        );
    },
    [commands, seriesById],
  );

  const renderEntry = useCallback(
    (entry: AgendaEntry) => <ActionRow entry={entry} today={today} names={names} busy={busy.has(entry.key)} onToggleDone={toggleDone} />,
    [today, names, busy, toggleDone],
  );

  const list = views && query.view !== 'week' ? views[query.view] : null;

  return (
    <main id="main" className="ac-actions-screen">
      <div className="title-row">
        <ScreenTitle>Actions</ScreenTitle>
        <Link href={actionPaths.create} className="button primary">
          Nouvelle action
        </Link>
      </div>
      <nav aria-label="Vues des actions" className="ac-view-tabs">
        <ul>
          {ACTION_VIEWS.map((view) => (
            <li key={view}>
              <Link href={actionsHref({ ...query, view })} aria-current={query.view === view ? 'page' : undefined}>
                {VIEW_LABELS[view]}
                {views && view !== 'week' ? (
                  <span className={view === 'late' && views.late.length > 0 ? 'ac-count ac-late' : 'ac-count'}>
                    <span className="sr-only"> : </span>
                    {views[view].length}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="ac-filters" role="group" aria-label="Filtres">
        <div className="field">
          <label htmlFor="actions-team">Équipe</label>
          <select id="actions-team" value={query.teamId} onChange={(e) => go({ teamId: e.target.value })}>
            <option value="">Toutes</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actions-category">Catégorie</label>
          <select id="actions-category" value={query.category} onChange={(e) => go({ category: e.target.value })}>
            <option value="">Toutes</option>
            {groups.map((g) => (
              <optgroup key={g.name} label={g.name}>
                {g.categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      <FormAlert message={alert} />
      <StatusMessage className="status-message ac-quiet">{status}</StatusMessage>
      {loading || !views || !actions || !series ? (
        <StatusMessage>Chargement des actions…</StatusMessage>
      ) : query.view === 'week' ? (
        <WeekView
          start={query.week || today}
          today={today}
          days={weekOf}
          renderEntry={renderEntry}
          onWeek={(week) => go({ week })}
        />
      ) : list ? (
        <>
          <p className="result-count">{list.length === 0 ? EMPTY_TEXT[query.view] : countText(list.length)}</p>
          {list.length > 0 ? (
            <VirtualList
              items={list}
              itemKey={entryKey}
              itemHeight={rowHeight}
              renderItem={renderEntry}
              label={`Actions : ${VIEW_LABELS[query.view]}`}
              className="ac-action-list"
            />
          ) : null}
        </>
      ) : null}
    </main>
  );
}
