// One action in a list: title (link to the action), persons, due date and time, « Urgent », status,
// and a quick « Marquer comme faite » that stays in place (its label flips) so focus is not lost.
import type { AgendaEntry } from '@relais/core/domain/agenda';
import { Link } from '../../app/router.tsx';
import { formatDue } from '../../ui/dates.ts';
import { STATUS_LABELS } from './labels.ts';
import { entryHref } from './paths.ts';

/** Pixel height every row takes in the virtual list (CSS clamps each line to fit). */
export const ACTION_ROW_HEIGHT = 112;

export function personNamesOf(personIds: readonly string[], names: ReadonlyMap<string, string>): string {
  return personIds.map((id) => names.get(id) ?? 'Personne inconnue').join(', ');
}

export function ActionRow({
  entry,
  today,
  names,
  busy,
  onToggleDone,
  showDate = true,
}: {
  entry: AgendaEntry;
  today: string;
  names: ReadonlyMap<string, string>;
  busy: boolean;
  onToggleDone: (entry: AgendaEntry) => void;
  showDate?: boolean;
}) {
  const s = entry.summary;
  const late = s.status === 'todo' && s.dueDate < today;
  const persons = personNamesOf(s.personIds, names);
  const done = s.status === 'done';
  return (
    <div className={`ac-action-row ac-status-${s.status}`}>
      <div className="ac-action-main">
        <Link href={entryHref(entry)} className="ac-action-title">
          {s.title || '(sans titre)'}
        </Link>
        <p className="ac-action-persons">{persons || <span className="ac-muted">Aucune personne liée</span>}</p>
        <p className="ac-action-badges">
          {showDate || s.dueTime ? (
            <span className={late ? 'ac-due ac-late' : 'ac-due'}>
              {showDate ? formatDue(s.dueDate, s.dueTime, today) : s.dueTime}
              {late ? <span className="sr-only"> (en retard)</span> : null}
            </span>
          ) : null}
          {s.urgent ? <span className="badge ac-urgent">Urgent</span> : null}
          {s.status !== 'todo' ? <span className={`badge ac-status ${s.status}`}>{STATUS_LABELS[s.status]}</span> : null}
          {s.seriesId ? <span className="badge">Récurrente</span> : null}
        </p>
      </div>
      {s.status !== 'cancelled' ? (
        <button
          type="button"
          className={done ? 'secondary small ac-quick' : 'primary small ac-quick'}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onToggleDone(entry);
          }}
        >
          {/* Visible « Faite » / « À faire »; the full name says what it does and to which action. */}
          <span aria-hidden="true">{done ? '↺ À faire' : '✓ Faite'}</span>
          <span className="sr-only">
            {done ? 'Remettre à faire' : 'Marquer comme faite'} : {s.title}
          </span>
        </button>
      ) : null}
    </div>
  );
}
