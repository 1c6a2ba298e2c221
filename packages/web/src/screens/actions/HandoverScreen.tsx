// /transmissions: the handover of a team for a working day. What the teams before left, the
// prioritaire transmissions, the actions due tomorrow and in the next five days, and what this
// team must pass on, with a quick form to write a transmission. Choice of team and day lives in
// the address (?equipe=…&date=…).
import { useCallback, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AgendaEntry } from '@relais/core/domain/agenda';
import { handover, DUE_SOON_DAYS, PRIORITY_COMMENT_DAYS } from '@relais/core/domain/handover';
import { isNightTeam } from '@relais/core/domain/settings';
import { navigate, useLocation } from '../../app/router.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { ActionRow } from './ActionRow.tsx';
import { CommentList } from './Comments.tsx';
import { useActionCommands } from './commands.ts';
import { useDraft, useIndex, useMe, useRecords, useSettings, useTeams, useWriter, type CommentFields } from './data.ts';
import { addDays, formatDateTime, formatDay, isIsoDate, nowIso, localDate } from '../../ui/dates.ts';
import { refocusAfterRemoval } from './focus.ts';
import { failureMessage, fieldErrorsOf, focusFirstError, type FieldErrors } from './errors.ts';
import { COMMENT_MAX } from './labels.ts';
import { PersonPicker } from './pickers.tsx';
import { defaultTeamId, myTeams } from './teams.ts';
import { useActionIndexes, usePersonNames } from './useAgendaData.ts';

function handoverHref(teamId: string, date: string): string {
  const params = new URLSearchParams();
  if (teamId) params.set('equipe', teamId);
  if (date) params.set('date', date);
  return `/transmissions?${params.toString()}`;
}

export function HandoverScreen() {
  const location = useLocation();
  const me = useMe();
  const teams = useTeams();
  const settings = useSettings();
  const names = usePersonNames();
  const comments = useIndex('comment');
  const { actions, series, seriesById } = useActionIndexes();
  const commands = useActionCommands();
  const today = localDate(Date.now());
  const params = new URLSearchParams(new URL(location, 'http://x').search);
  const asked = params.get('equipe') ?? '';
  const teamId = teams.some((t) => t.id === asked) ? asked : defaultTeamId(teams, me.user.id);
  const askedDate = params.get('date') ?? '';
  const date = isIsoDate(askedDate) ? askedDate : today;
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const view = useMemo(() => {
    if (!comments || !actions || !series || !teamId) return null;
    return handover({ teamId, date, settings, comments, actions, series });
  }, [comments, actions, series, teamId, date, settings]);

  const commentIds = useMemo(() => {
    if (!view) return [];
    return [...new Set([...view.left, ...view.priority, ...view.toPassOn.comments].map((c) => c.id))];
  }, [view]);
  const records = useRecords('comment', commentIds);
  const byId = useMemo(() => new Map((records ?? []).map((r) => [r.id, r] as const)), [records]);
  const pick = (ids: readonly { id: string }[]) => ids.flatMap((c) => (byId.has(c.id) ? [byId.get(c.id)!] : []));

  const actionTitles = useMemo(() => new Map((actions ?? []).map((a) => [a.id, a.summary.title] as const)), [actions]);

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

  const actionList = (entries: readonly AgendaEntry[], empty: string) =>
    entries.length === 0 ? (
      <p className="ac-muted">{empty}</p>
    ) : (
      <ul className="ac-plain-action-list">
        {entries.map((e) => (
          <li key={e.key}>
            <ActionRow entry={e} today={date} names={names} busy={busy.has(e.key)} onToggleDone={toggleDone} />
          </li>
        ))}
      </ul>
    );

  const commentList = (list: readonly { id: string }[], empty: string) =>
    list.length === 0 ? (
      <p className="ac-muted">{empty}</p>
    ) : records === null ? (
      <StatusMessage>Déchiffrement des transmissions…</StatusMessage>
    ) : (
      <CommentList comments={pick(list)} personNames={names} actionTitles={actionTitles} />
    );

  const night = teamId ? isNightTeam(settings, teamId) : false;
  const teamName = teams.find((t) => t.id === teamId)?.name ?? '';

  return (
    <main id="main" className="ac-handover">
      <ScreenTitle>Transmissions</ScreenTitle>
      <div className="ac-filters" role="group" aria-label="Équipe et journée">
        <SelectField
          label="Équipe"
          value={teamId}
          onValue={(id) => navigate(handoverHref(id, askedDate), { replace: true })}
          options={myTeams(teams, me.user.id)
            .concat(teams.filter((t) => !t.memberIds.includes(me.user.id)))
            .map((t) => ({ value: t.id, label: t.name }))}
        />
        <TextField label="Journée" type="date" value={date} onValue={(d) => navigate(handoverHref(teamId, isIsoDate(d) ? d : ''), { replace: true })} />
      </div>
      <div className="ac-day-nav">
        <button type="button" className="secondary small" onClick={() => navigate(handoverHref(teamId, addDays(date, -1)), { replace: true })}>
          <span aria-hidden="true">←</span>
          <span>Veille</span>
        </button>
        <button type="button" className="secondary small" onClick={() => navigate(handoverHref(teamId, addDays(date, 1)), { replace: true })}>
          <span>Lendemain</span>
          <span aria-hidden="true">→</span>
        </button>
        {date !== today ? (
          <button
            type="button"
            className="secondary small ac-span"
            onClick={() => {
              navigate(handoverHref(teamId, ''), { replace: true });
              // The button goes away once today is shown: focus the day's summary instead.
              requestAnimationFrame(() => document.getElementById('handover-day')?.focus());
            }}
          >
            Revenir à aujourd'hui
          </button>
        ) : null}
        <button
          type="button"
          className="primary small ac-span"
          onClick={() => {
            const field = document.querySelector<HTMLTextAreaElement>('.ac-transmission-form textarea');
            field?.scrollIntoView({ block: 'center' });
            field?.focus();
          }}
        >
          Écrire une transmission
        </button>
      </div>
      {teams.length === 0 ? (
        <p className="notice">Aucune équipe n'existe encore : un administrateur doit en créer une pour écrire des transmissions.</p>
      ) : !view ? (
        <StatusMessage>Chargement des transmissions…</StatusMessage>
      ) : (
        <>
          <p className="ac-window-note" id="handover-day" tabIndex={-1} role="status">
            {teamName} — {formatDay(date)}
            {date === today ? " (aujourd'hui)" : ''}
            {night ? ` : équipe de nuit, de ${formatDateTime(view.window.start)} à ${formatDateTime(view.window.end)}` : ''}
          </p>
          <FormAlert message={alert} />
          <StatusMessage className="status-message ac-quiet">{status}</StatusMessage>
          <Section id="left" title="Ce que l'équipe précédente vous a laissé" count={view.left.length}>
            <p className="hint">Les transmissions de la journée précédente, et celles des autres équipes aujourd'hui.</p>
            {commentList(view.left, "Rien n'a été laissé pour cette journée.")}
          </Section>
          <Section id="priority" title="Transmissions prioritaires" count={view.priority.length}>
            <p className="hint">Marquées « Prioritaire » ces {PRIORITY_COMMENT_DAYS} derniers jours, toutes équipes.</p>
            {commentList(view.priority, 'Aucune transmission prioritaire.')}
          </Section>
          <Section id="tomorrow" title="Actions à faire demain" count={view.dueTomorrow.length}>
            {actionList(view.dueTomorrow, 'Aucune action prévue demain pour cette équipe.')}
          </Section>
          <Section id="soon" title={`Actions des ${DUE_SOON_DAYS} prochains jours`} count={view.dueSoon.length}>
            {actionList(view.dueSoon, 'Aucune autre action dans les 5 prochains jours.')}
          </Section>
          <Section id="pass-on" title="À transmettre par votre équipe" count={view.toPassOn.comments.length + view.toPassOn.actions.length}>
            <TransmissionForm key={teamId} teamId={teamId} openActions={view.toPassOn.actions} />
            <h3>Transmissions écrites par l'équipe ce jour</h3>
            {commentList(view.toPassOn.comments, "Aucune transmission écrite aujourd'hui par cette équipe.")}
            <h3>Actions encore ouvertes (en retard ou dans les {DUE_SOON_DAYS} jours)</h3>
            {actionList(view.toPassOn.actions, 'Aucune action ouverte pour cette équipe.')}
          </Section>
        </>
      )}
    </main>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section className="ac-handover-section" aria-labelledby={`handover-${id}`}>
      <h2 id={`handover-${id}`}>
        {title} <span className="ac-count">{count}</span>
      </h2>
      {children}
    </section>
  );
}

interface TransmissionDraft {
  text: string;
  personIds: string[];
  actionId: string;
  priority: boolean;
}

const EMPTY_TRANSMISSION: TransmissionDraft = { text: '', personIds: [], actionId: '', priority: false };

/** « Écrire une transmission »: a comment of this team, about a person or one of its open actions. */
function TransmissionForm({ teamId, openActions }: { teamId: string; openActions: readonly AgendaEntry[] }) {
  const writer = useWriter();
  const names = usePersonNames();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<TransmissionDraft>(`transmission:${teamId}`, EMPTY_TRANSMISSION);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const recordedActions = openActions.filter((a) => a.id !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    setDone('');
    const local: FieldErrors = {};
    if (!draft.text.trim()) local.text = 'Veuillez saisir la transmission.';
    if (draft.personIds.length === 0 && !draft.actionId) local.personId = 'Veuillez choisir la personne (ou l’action) concernée.';
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError(form.current);
    setBusy(true);
    try {
      // One comment per person: each person's file shows the transmission about them.
      const targets = draft.personIds.length > 0 ? draft.personIds : [''];
      for (const personId of targets) {
        const fields: CommentFields = { text: draft.text.trim(), personId, actionId: draft.actionId, teamId, date: nowIso(), priority: draft.priority };
        await writer.create('comment', fields);
      }
      clearDraft();
      setDone('Transmission enregistrée.');
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
    <form ref={form} className="ac-comment-form ac-transmission-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="transmission-title">
      <h3 id="transmission-title">Écrire une transmission</h3>
      <FormAlert message={alert} />
      <TextAreaField label="Transmission" value={draft.text} onValue={(text) => setDraft({ ...draft, text })} error={errors.text} maxLength={COMMENT_MAX} rows={3} />
      <PersonPicker value={draft.personIds} onChange={(personIds) => setDraft({ ...draft, personIds })} names={names} error={errors.personId} />
      {recordedActions.length > 0 ? (
        <SelectField
          label="Action concernée (facultatif)"
          value={draft.actionId}
          onValue={(actionId) => setDraft({ ...draft, actionId })}
          error={errors.actionId}
          options={[{ value: '', label: 'Aucune' }, ...recordedActions.map((a) => ({ value: a.id!, label: a.summary.title }))]}
        />
      ) : null}
      <CheckboxField label="Prioritaire" checked={draft.priority} onChecked={(priority) => setDraft({ ...draft, priority })} hint="Mise en avant dans les transmissions de toutes les équipes pendant 7 jours." />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Enregistrement…">
          Enregistrer la transmission
        </SubmitButton>
      </div>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
