// « Semaine »: seven days from Monday, each day's actions under its heading, with the previous and
// next weeks one press away. Rows of all seven days share one virtual list.
import { useMemo, useRef, type ReactNode } from 'react';
import type { AgendaDay, AgendaEntry } from '@relais/core/domain/agenda';
import { StatusMessage } from '../../ui/feedback.tsx';
import { ACTION_ROW_HEIGHT } from './ActionRow.tsx';
import { addDays, formatDay, formatLongDate, startOfWeek } from '../../ui/dates.ts';
import { VirtualList } from './VirtualList.tsx';

type WeekRow = { kind: 'day'; date: string; count: number } | { kind: 'empty'; date: string } | { kind: 'entry'; entry: AgendaEntry };

const DAY_HEIGHT = 52;
const EMPTY_HEIGHT = 40;

export function weekRows(days: readonly AgendaDay[]): WeekRow[] {
  const rows: WeekRow[] = [];
  for (const day of days) {
    rows.push({ kind: 'day', date: day.date, count: day.entries.length });
    if (day.entries.length === 0) rows.push({ kind: 'empty', date: day.date });
    for (const entry of day.entries) rows.push({ kind: 'entry', entry });
  }
  return rows;
}

const rowKey = (row: WeekRow) => (row.kind === 'entry' ? row.entry.key : `${row.kind}:${row.date}`);
const rowHeight = (row: WeekRow) => (row.kind === 'day' ? DAY_HEIGHT : row.kind === 'empty' ? EMPTY_HEIGHT : ACTION_ROW_HEIGHT);
const rowClass = (row: WeekRow) => (row.kind === 'day' ? 'ac-week-day' : row.kind === 'empty' ? 'ac-week-empty' : undefined);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function weekTitle(monday: string): string {
  const sunday = addDays(monday, 6);
  const [from, to] = [formatLongDate(monday), formatLongDate(sunday)];
  // « Semaine du 23 au 29 novembre 2026 », or both months/years when the week straddles them.
  if (monday.slice(0, 7) === sunday.slice(0, 7)) return `Semaine du ${Number(monday.slice(8))} au ${to}`;
  if (monday.slice(0, 4) === sunday.slice(0, 4)) return `Semaine du ${from.replace(/ \d{4}$/, '')} au ${to}`;
  return `Semaine du ${from} au ${to}`;
}

export function WeekView({
  start,
  today,
  days,
  renderEntry,
  onWeek,
}: {
  /** Any day of the week to show. */
  start: string;
  today: string;
  days: (monday: string) => AgendaDay[];
  renderEntry: (entry: AgendaEntry) => ReactNode;
  onWeek: (monday: string) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const monday = startOfWeek(start);
  const thisWeek = startOfWeek(today);
  const week = useMemo(() => days(monday), [days, monday]);
  const rows = useMemo(() => weekRows(week), [week]);
  const total = week.reduce((n, d) => n + d.entries.length, 0);
  const title = weekTitle(monday);

  const renderRow = (row: WeekRow) => {
    if (row.kind === 'entry') return renderEntry(row.entry);
    if (row.kind === 'empty') return <p className="ac-muted">Aucune action</p>;
    return (
      <h3 className={row.date === today ? 'ac-today' : undefined}>
        {capitalise(formatDay(row.date))}
        {row.date === today ? <span className="badge ac-today-badge">Aujourd'hui</span> : null}
        {row.count > 0 ? (
          <span className="ac-count ac-day-count">
            {row.count}
            <span className="sr-only">{row.count === 1 ? ' action' : ' actions'}</span>
          </span>
        ) : null}
      </h3>
    );
  };

  return (
    <section className="ac-week" aria-labelledby="week-title">
      <h2 id="week-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div className="ac-week-nav">
        <button type="button" className="secondary small" onClick={() => onWeek(addDays(monday, -7))}>
          <span aria-hidden="true">←</span>
          <span>
            Précédente<span className="sr-only"> semaine</span>
          </span>
        </button>
        <button type="button" className="secondary small" onClick={() => onWeek(addDays(monday, 7))}>
          <span>
            <span className="sr-only">Semaine </span>Suivante
          </span>
          <span aria-hidden="true">→</span>
        </button>
      </div>
      {monday !== thisWeek ? (
        <button
          type="button"
          className="secondary small ac-this-week"
          onClick={() => {
            onWeek(thisWeek);
            // The button goes away with the week it left: focus the new week's title instead.
            requestAnimationFrame(() => heading.current?.focus());
          }}
        >
          Revenir à cette semaine
        </button>
      ) : null}
      <StatusMessage className="result-count">{`${title} : ${total === 0 ? 'aucune action' : total === 1 ? '1 action' : `${total} actions`}.`}</StatusMessage>
      <VirtualList items={rows} itemKey={rowKey} itemHeight={rowHeight} rowClass={rowClass} renderItem={renderRow} label={title} className="ac-action-list" />
    </section>
  );
}
