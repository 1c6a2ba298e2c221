// Comments (transmissions) on a person or an action: newest first, with author, team, date and
// « Prioritaire », and a form to add one. Used on the person file and on the action screen.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../app/router.tsx';
import { useDraft, useIndexGroup, useMe, useMemberNames, useRecords, useTeams, useWriter, type CommentFields } from './data.ts';
import { CommentCorrection } from './CommentCorrection.tsx';
import { actionPaths } from './paths.ts';
import { formatDateTime, nowIso } from '../../ui/dates.ts';
import { failureMessage, fieldErrorsOf, focusFirstError, type FieldErrors } from './errors.ts';
import { COMMENT_LABELS, COMMENT_MAX } from './labels.ts';
import { defaultTeamId, myTeams } from './teams.ts';
import { CheckboxField, SelectField, TextAreaField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';

const PAGE = 20;

interface CommentDraft {
  text: string;
  teamId: string;
  priority: boolean;
}

export function Comments({
  personId,
  actionId,
  ensureActionId,
}: {
  personId?: string;
  actionId?: string;
  /** For an occurrence not yet recorded: records it and gives its id, so the comment can point to it. */
  ensureActionId?: () => Promise<string>;
}) {
  // On an action, its comments; else the person's (a comment names one or the other).
  const index = useIndexGroup('comment', actionId ? 'actionId' : 'personId', actionId ?? personId ?? '');
  const ids = useMemo(() => {
    if (!index) return null;
    return [...index]
      .sort((a, b) => (a.summary.date < b.summary.date ? 1 : a.summary.date > b.summary.date ? -1 : 0))
      .map((c) => c.id);
  }, [index, personId, actionId]);
  const [shown, setShown] = useState(PAGE);
  const visibleIds = useMemo(() => (ids ?? []).slice(0, shown), [ids, shown]);
  const records = useRecords('comment', visibleIds);

  return (
    <section className="ac-comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        Commentaires{ids && ids.length > 0 ? <span className="ac-count-inline"> ({ids.length})</span> : null}
      </h2>
      <CommentForm personId={personId ?? ''} actionId={actionId ?? ''} ensureActionId={ensureActionId} />
      {ids === null ? (
        <StatusMessage>Chargement des commentaires…</StatusMessage>
      ) : ids.length === 0 ? (
        <p className="ac-muted">Aucun commentaire pour le moment.</p>
      ) : (
        <>
          <CommentList comments={records ?? []} />
          {ids.length > shown ? (
            <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
              Afficher les commentaires plus anciens ({ids.length - shown})
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function authorOf(userId: string, selfId: string, members: ReadonlyMap<string, string>): string {
  if (!userId) return 'Auteur inconnu';
  if (userId === selfId) return 'Vous';
  return members.get(userId) ?? 'Un autre membre';
}

/** Comments as cards: « Prioritaire », who, which team, when, and the text. */
export function CommentList({
  comments,
  personNames,
  actionTitles,
}: {
  comments: readonly { id: string; fields: CommentFields; pending: boolean }[];
  /** When given, each comment says which person it is about (the handover lists several persons). */
  personNames?: ReadonlyMap<string, string>;
  /** When given, each comment on an action links to it. */
  actionTitles?: ReadonlyMap<string, string>;
}) {
  const me = useMe();
  const members = useMemberNames();
  const teams = useTeams();
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name] as const)), [teams]);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [corrected, setCorrected] = useState('');
  return (
    <>
    <StatusMessage>{corrected}</StatusMessage>
    <ul className="ac-comment-list">
      {comments.map(({ id, fields, pending }) => (
        <li key={id} className={fields.priority ? 'ac-comment ac-priority' : 'ac-comment'}>
          <p className="ac-comment-meta">
            {fields.priority ? <span className="badge ac-urgent">Prioritaire</span> : null}
            <span className="ac-comment-author">{authorOf(fields.createdBy ?? '', me.user.id, members)}</span>
            <span>{teamNames.get(fields.teamId) ?? 'Équipe inconnue'}</span>
            <span>
              <span className="sr-only">le </span>
              {formatDateTime(fields.date)}
            </span>
            {pending ? <span className="badge">Non synchronisé</span> : null}
          </p>
          {(personNames && fields.personId) || (actionTitles && fields.actionId) ? (
            <p className="ac-comment-about">
              {personNames && fields.personId ? (
                <span>
                  Personne : <Link href={actionPaths.person(fields.personId)}>{personNames.get(fields.personId) ?? 'Personne inconnue'}</Link>
                </span>
              ) : null}
              {actionTitles && fields.actionId ? (
                <span>
                  Action : <Link href={actionPaths.action(fields.actionId)}>{actionTitles.get(fields.actionId) || 'Action'}</Link>
                </span>
              ) : null}
            </p>
          ) : null}
          {correcting === id ? (
            <CommentCorrection
              id={id}
              fields={fields}
              onDone={(message) => {
                setCorrecting(null);
                setCorrected(message);
              }}
            />
          ) : (
            <>
              <p className="ac-comment-text">{fields.text}</p>
              {fields.createdBy === me.user.id ? (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => {
                    setCorrected('');
                    setCorrecting(id);
                  }}
                >
                  Corriger<span className="sr-only"> votre commentaire du {formatDateTime(fields.date)}</span>
                </button>
              ) : null}
            </>
          )}
        </li>
      ))}
    </ul>
    </>
  );
}

function CommentForm({ personId, actionId, ensureActionId }: { personId: string; actionId: string; ensureActionId?: () => Promise<string> }) {
  const me = useMe();
  const teams = useTeams();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const teamOptions = useMemo(() => myTeams(teams, me.user.id).concat(teams.filter((t) => !t.memberIds.includes(me.user.id))), [teams, me]);
  const initialTeam = defaultTeamId(teams, me.user.id);
  const [draft, setDraft, clearDraft] = useDraft<CommentDraft>(`comment:${personId}:${actionId}`, { text: '', teamId: '', priority: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const teamId = draft.teamId || initialTeam;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    setDone('');
    const local: FieldErrors = {};
    if (!draft.text.trim()) local.text = 'Veuillez saisir le commentaire.';
    if (!teamId) local.teamId = 'Veuillez choisir une équipe.';
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError(form.current);
    setBusy(true);
    try {
      const target = actionId || (ensureActionId ? await ensureActionId() : '');
      const fields: CommentFields = { text: draft.text.trim(), personId, actionId: target, teamId, date: nowIso(), priority: draft.priority };
      await writer.create('comment', fields);
      clearDraft();
      setDone('Commentaire ajouté.');
    } catch (error) {
      const byField = fieldErrorsOf(error);
      if (byField) {
        setErrors(byField);
        focusFirstError(form.current);
      }
      if (!byField || byField['']) setAlert(failureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="ac-comment-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Ajouter un commentaire">
      <FormAlert message={alert} />
      <TextAreaField
        label="Nouveau commentaire"
        value={draft.text}
        onValue={(text) => setDraft({ ...draft, text })}
        error={errors.text}
        maxLength={COMMENT_MAX}
        rows={3}
      />
      <SelectField
          label={COMMENT_LABELS.teamId}
          value={teamId}
          onValue={(value) => setDraft({ ...draft, teamId: value })}
          error={errors.teamId}
          options={teamOptions.map((t) => ({ value: t.id, label: t.name }))}
        />
      <CheckboxField label={COMMENT_LABELS.priority} checked={draft.priority} onChecked={(priority) => setDraft({ ...draft, priority })} hint="Mis en avant dans les transmissions pendant 7 jours." />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Enregistrement…">
          Ajouter le commentaire
        </SubmitButton>
      </div>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
