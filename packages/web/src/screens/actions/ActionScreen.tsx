// /actions/:id and /actions/serie/:seriesId/:date: one action, its status (changed in one press),
// linked persons, comments, and the corbeille. An untouched occurrence of a series is recorded
// the first time someone changes it or comments on it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { setActionStatus, type ActionStatus } from '@relais/core/domain/action';
import { Link, navigate } from '../../app/router.tsx';
import { FormAlert, StatusMessage } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { ActionMissing } from './ActionFormScreen.tsx';
import { Comments } from './Comments.tsx';
import { useActionCommands } from './commands.ts';
import { useIndex, useMemberNames, useMe, useWriter } from './data.ts';
import { formatDateTime, formatDue, formatLongDate, nowIso, localDate } from '../../ui/dates.ts';
import { failureMessage } from './errors.ts';
import { setFlash, takeFlash } from '../../ui/flash.ts';
import { ACTION_LABELS, STATUS_LABELS } from './labels.ts';
import { useLoadedAction, useLoadedOccurrence, type LoadedAction } from './load.ts';
import { actionPaths, type ActionTarget } from './paths.ts';
import { describeRecurrence } from './recurrence-form.ts';
import { deleteAction, type DeleteScope, type Editing } from './save-action.ts';
import { usePersonNames, useTeamNames } from './useAgendaData.ts';

export function ActionScreen({ target }: { target: ActionTarget }) {
  // Taken as the screen mounts, even while the action still loads, so it never lands on another screen.
  const [flash] = useState(() => takeFlash() ?? '');
  if (target.kind === 'occurrence') return <OccurrenceDetail seriesId={target.seriesId} date={target.date} flash={flash} />;
  if (target.kind === 'action') return <RecordDetail id={target.id} flash={flash} />;
  return null;
}

function RecordDetail({ id, flash }: { id: string; flash: string }) {
  return <Detail loaded={useLoadedAction(id)} flash={flash} />;
}

function OccurrenceDetail({ seriesId, date, flash }: { seriesId: string; date: string; flash: string }) {
  return <Detail loaded={useLoadedOccurrence(seriesId, date)} flash={flash} />;
}

function Detail({ loaded, flash }: { loaded: LoadedAction; flash: string }) {
  useEffect(() => {
    if (loaded.status === 'recorded') navigate(actionPaths.action(loaded.id), { replace: true });
  }, [loaded]);
  if (loaded.status === 'loading' || loaded.status === 'recorded') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (loaded.status === 'missing') return <ActionMissing inTrash={loaded.inTrash} />;
  return <ActionDetail action={loaded} initialFlash={flash} />;
}

const STATUS_BUTTONS: Record<ActionStatus, { to: ActionStatus; label: string }[]> = {
  todo: [
    { to: 'done', label: 'Marquer comme faite' },
    { to: 'cancelled', label: "Annuler l'action" },
  ],
  done: [{ to: 'todo', label: 'Remettre à faire' }],
  cancelled: [{ to: 'todo', label: 'Remettre à faire' }],
};

function ActionDetail({ action, initialFlash }: { action: Extract<LoadedAction, { status: 'found' }>; initialFlash: string }) {
  const writer = useWriter();
  const commands = useActionCommands();
  const me = useMe();
  const members = useMemberNames();
  const personNames = usePersonNames();
  const teamNames = useTeamNames();
  const recorded = useIndex('action');
  const [flash, setFlashMessage] = useState(initialFlash);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Focus follows the confirmation in and out, so a keyboard user is never left on a vanished button.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) askRef.current?.focus();
    asked.current = confirming || asked.current;
  }, [confirming]);
  const f = action.fields;
  const today = localDate(Date.now());
  const editing: Editing = useMemo(
    () => ({ id: action.id, fields: f, seriesId: action.seriesId, series: action.series, occurrenceDate: action.occurrenceDate }),
    [action, f],
  );
  const editHref = action.id ? actionPaths.edit(action.id) : actionPaths.occurrenceEdit(action.seriesId, action.occurrenceDate);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setAlert(null);
    try {
      await work();
    } catch (error) {
      setAlert(failureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const changeStatus = (status: ActionStatus) =>
    run(async () => {
      const message = status === 'done' ? 'Action marquée comme faite.' : status === 'cancelled' ? 'Action annulée.' : 'Action remise à faire.';
      if (action.id !== null) {
        await writer.update('action', action.id, setActionStatus(f, status, nowIso()));
        setFlashMessage(message);
        return;
      }
      const id = await commands.materialise(action.seriesId, action.series!, action.occurrenceDate, setActionStatus(f, status, nowIso()));
      setFlash(message);
      navigate(actionPaths.action(id), { replace: true });
    });

  const remove = (scope: DeleteScope) =>
    run(async () => {
      const deps = { writer, occurrenceId: commands.occurrenceId, nowIso: () => nowIso() };
      const result = await deleteAction(deps, editing, scope, recorded ?? []);
      setFlash(result.message);
      navigate(result.href, { replace: true });
    });

  const ensureActionId = action.id === null ? () => commands.materialise(action.seriesId, action.series!, action.occurrenceDate) : undefined;
  const author = f.createdBy ? (f.createdBy === me.user.id ? 'vous' : (members.get(f.createdBy) ?? 'un autre membre')) : '';

  return (
    <main id="main" className="ac-action-detail">
      <p className="breadcrumb">
        <Link href={actionPaths.list}>← Actions</Link>
      </p>
      <div className="title-row">
        <ScreenTitle documentTitle="Action">{f.title || '(sans titre)'}</ScreenTitle>
        <Link href={editHref} className="button primary">
          Modifier<span className="sr-only"> l'action</span>
        </Link>
      </div>
      <StatusMessage>{flash}</StatusMessage>
      <FormAlert message={alert} />
      <p className="ac-action-badges">
        <span className={`badge ac-status ${f.status}`}>{STATUS_LABELS[f.status]}</span>
        {f.urgent ? <span className="badge ac-urgent">Urgent</span> : null}
        {action.seriesId ? <span className="badge">Récurrente</span> : null}
        {action.pending ? <span className="badge warning">Non synchronisée</span> : null}
      </p>
      <div className="actions ac-status-actions" role="group" aria-label="Changer le statut">
        {/* Keyed by position: the pressed button stays in the DOM with its new label, keeping focus. */}
        {STATUS_BUTTONS[f.status].map((b, i) => (
          <button key={i} type="button" className={i === 0 ? 'primary' : 'secondary'} aria-disabled={busy || undefined} onClick={() => void changeStatus(b.to)}>
            {b.label}
          </button>
        ))}
      </div>
      <dl className="person-fields ac-action-fields">
        <div>
          <dt>{ACTION_LABELS.dueDate}</dt>
          <dd className={f.status === 'todo' && f.dueDate < today ? 'ac-late' : undefined}>
            {formatDue(f.dueDate, f.dueTime, today)}
            {f.dueDate !== today ? ` (${formatLongDate(f.dueDate)})` : ''}
            {f.status === 'todo' && f.dueDate < today ? ' — en retard' : ''}
          </dd>
        </div>
        {f.status !== 'todo' ? (
          <div>
            <dt>{ACTION_LABELS.completedAt}</dt>
            <dd>{f.completedAt ? formatDateTime(f.completedAt) : <span className="empty">Non renseignée</span>}</dd>
          </div>
        ) : null}
        <div>
          <dt>{ACTION_LABELS.personIds}</dt>
          <dd>
            {f.personIds.length === 0 ? (
              <span className="empty">Aucune personne liée</span>
            ) : (
              <ul className="ac-inline-list">
                {f.personIds.map((id) => (
                  <li key={id}>
                    <Link href={actionPaths.person(id)}>{personNames.get(id) ?? 'Personne inconnue'}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{ACTION_LABELS.description}</dt>
          <dd className="multiline">{f.description || <span className="empty">Non renseignée</span>}</dd>
        </div>
        <div>
          <dt>{ACTION_LABELS.categories}</dt>
          <dd>{f.categories.length > 0 ? f.categories.join(', ') : <span className="empty">Aucune</span>}</dd>
        </div>
        <div>
          <dt>{ACTION_LABELS.teamIds}</dt>
          <dd>{f.teamIds.map((id) => teamNames.get(id) ?? 'Équipe inconnue').join(', ') || <span className="empty">Aucune</span>}</dd>
        </div>
        {action.series ? (
          <div>
            <dt>{ACTION_LABELS.recurrence}</dt>
            <dd>{describeRecurrence(action.series.rrule, action.series.until)}</dd>
          </div>
        ) : null}
        {f.createdAt ? (
          <div>
            <dt>Créée</dt>
            <dd>
              le {formatDateTime(f.createdAt)}
              {author ? ` par ${author}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <Comments actionId={action.id ?? undefined} ensureActionId={ensureActionId} />
      <section className="ac-danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Suppression</h2>
        {!confirming ? (
          <button ref={askRef} type="button" className="secondary ac-danger" onClick={() => setConfirming(true)}>
            {action.series ? 'Supprimer…' : 'Mettre à la corbeille'}
          </button>
        ) : action.series ? (
          <div className="ac-confirm" role="group" aria-label="Confirmer la suppression">
            <p>« Cette occurrence seulement » l'annule ; « et les suivantes » arrête la série à partir de ce jour.</p>
            <div className="actions">
              <button ref={confirmRef} type="button" className="primary ac-danger" aria-disabled={busy || undefined} onClick={() => void remove('one')}>
                Cette occurrence seulement
              </button>
              <button type="button" className="primary ac-danger" aria-disabled={busy || undefined} onClick={() => void remove('following')}>
                Cette occurrence et les suivantes
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Ne pas supprimer
              </button>
            </div>
          </div>
        ) : (
          <div className="ac-confirm" role="group" aria-label="Confirmer la suppression">
            <p>L'action ira à la corbeille : elle pourra être restaurée.</p>
            <div className="actions">
              <button ref={confirmRef} type="button" className="primary ac-danger" aria-disabled={busy || undefined} onClick={() => void remove('one')}>
                Confirmer : mettre à la corbeille
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Ne pas supprimer
              </button>
            </div>
          </div>
        )}
      </section>
    </main>
  );
}
