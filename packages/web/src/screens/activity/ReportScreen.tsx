// Compte-rendu: one per team per day (id derived from team and day, so two devices offline write
// the same record). Shows what the team did in the day's window — noon to noon for night teams —
// and keeps the free text and the co-interventions.
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { gatherReport } from '@relais/core/domain/report';
import { isNightTeam } from '@relais/core/domain/settings';
import { Link } from '../../app/router.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { namesOf, passageWho } from './activity.ts';
import { PendingBadge } from './common.tsx';
import { DayPicker, TeamSelect, teamName, useTeam } from './controls.tsx';
import { partsKey, useDerivedIds, useDraft, useIndex, useRecord, useRecords, useSettings, useWriter } from './data.ts';
import { usePersonNames, useTerritoryNames } from './hooks.ts';
import { activityPaths, queryDate } from './paths.ts';
import { addPartner, PARTNER_MAX, reportPatch, type ReportEdit } from './report-edit.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { formatClock, formatDateTime, localDate } from '../../ui/dates.ts';

const REPORT_TEXT_MAX = 50_000;

export function ReportScreen() {
  const { teamId, setTeamId, teams } = useTeam();
  const [date, setDate] = useState(() => queryDate('date') || localDate(Date.now()));
  const parts = useMemo(() => [['report', teamId, date]], [teamId, date]);
  const ids = useDerivedIds(parts);
  const reportId = ids?.get(partsKey(['report', teamId, date]));
  return (
    <main id="main">
      <ScreenTitle>Comptes-rendus</ScreenTitle>
      <div className="filters">
        <TeamSelect teams={teams} value={teamId} onValue={setTeamId} />
        <DayPicker value={date} onValue={setDate} />
      </div>
      {!teamId ? null : !reportId ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : (
        <ReportOfDay key={`${teamId}-${date}`} teamId={teamId} date={date} reportId={reportId} teamLabel={teamName(teams, teamId)} />
      )}
    </main>
  );
}

function ReportOfDay({ teamId, date, reportId, teamLabel }: { teamId: string; date: string; reportId: string; teamLabel: string }) {
  const settings = useSettings();
  const actions = useIndex('action');
  const comments = useIndex('comment');
  const passages = useIndex('passage');
  const encounters = useIndex('encounter');
  const observations = useIndex('observation');
  const persons = useIndex('person');
  const names = usePersonNames();
  const territories = useTerritoryNames();
  const loaded = actions && comments && passages && encounters && observations && persons;
  const contents = useMemo(
    () =>
      loaded
        ? gatherReport(teamId, date, { settings, actions: actions, comments: comments, passages: passages, encounters: encounters, observations: observations, persons: persons })
        : null,
    [loaded, teamId, date, settings, actions, comments, passages, encounters, observations, persons],
  );
  const commentIds = useMemo(() => (contents?.comments ?? []).map((c) => c.id), [contents]);
  const commentRecords = useRecords('comment', commentIds);
  const commentText = useMemo(() => new Map((commentRecords ?? []).map((c) => [c.id, c.fields.text])), [commentRecords]);
  const actionTitles = useMemo(() => new Map((actions ?? []).map((a) => [a.id, a.summary.title])), [actions]);
  const night = isNightTeam(settings, teamId);

  return (
    <>
      <p className="report-window">
        {night
          ? `Équipe de nuit : l'activité comptée va de midi à midi${contents ? `, du ${formatDateTime(contents.window.start)} au ${formatDateTime(contents.window.end)}` : ''}.`
          : "L'activité comptée est celle de la journée, de minuit à minuit."}
      </p>
      <ReportEditor teamId={teamId} date={date} reportId={reportId} teamLabel={teamLabel} />
      {!contents ? (
        <StatusMessage>Chargement de l'activité du jour…</StatusMessage>
      ) : (
        <section aria-labelledby="report-activity" className="report-activity">
          <h2 id="report-activity">Activité de la journée</h2>
          <ul className="report-totals" aria-label="Chiffres du jour">
            <li>
              <strong>{contents.totals.passages}</strong> {contents.totals.passages > 1 ? 'passages' : 'passage'}
              {contents.totals.anonymousPassages > 0 ? ` (dont ${contents.totals.anonymousPassages} anonyme${contents.totals.anonymousPassages > 1 ? 's' : ''})` : ''}
            </li>
            <li>
              <strong>{contents.totals.encounters}</strong> {contents.totals.encounters > 1 ? 'rencontres' : 'rencontre'}
            </li>
            <li>
              <strong>{contents.totals.personsMet}</strong> {contents.totals.personsMet > 1 ? 'personnes différentes' : 'personne différente'}
            </li>
            <li>
              <strong>{contents.newPersons.length}</strong> {contents.newPersons.length > 1 ? 'nouvelles personnes' : 'nouvelle personne'}
            </li>
          </ul>

          <ReportList title="Actions créées" empty="Aucune action créée.">
            {contents.actionsCreated.map((a) => (
              <li key={a.id}>
                <Link href={`/actions/${a.id}`}>{a.summary.title}</Link>
              </li>
            ))}
          </ReportList>
          <ReportList title="Actions faites" empty="Aucune action faite.">
            {contents.actionsCompleted.map((a) => (
              <li key={a.id}>
                <span className="activity-time">{formatClock(a.summary.completedAt)}</span> <Link href={`/actions/${a.id}`}>{a.summary.title}</Link>
              </li>
            ))}
          </ReportList>
          {contents.actionsCancelled.length > 0 ? (
            <ReportList title="Actions annulées" empty="">
              {contents.actionsCancelled.map((a) => (
                <li key={a.id}>
                  <Link href={`/actions/${a.id}`}>{a.summary.title}</Link>
                </li>
              ))}
            </ReportList>
          ) : null}
          <ReportList title="Commentaires" empty="Aucun commentaire.">
            {contents.comments.map((c) => (
              <li key={c.id}>
                <span className="activity-time">{formatClock(c.summary.date)}</span>{' '}
                {c.summary.priority ? <span className="badge warning">Prioritaire</span> : null}{' '}
                {c.summary.personId ? (
                  <Link href={activityPaths.person(c.summary.personId)}>{namesOf([c.summary.personId], names)[0]}</Link>
                ) : c.summary.actionId ? (
                  <Link href={`/actions/${c.summary.actionId}`}>{actionTitles.get(c.summary.actionId) ?? 'Action'}</Link>
                ) : null}
                {commentText.has(c.id) ? <p className="activity-text">{commentText.get(c.id)}</p> : null}
              </li>
            ))}
          </ReportList>
          <ReportList title="Passages" empty="Aucun passage.">
            {contents.passages.map((p) => (
              <li key={p.id}>
                <span className="activity-time">{formatClock(p.summary.date)}</span> {passageWho(p.summary, names)}
              </li>
            ))}
          </ReportList>
          <ReportList title="Rencontres" empty="Aucune rencontre.">
            {contents.encounters.map((e) => (
              <li key={e.id}>
                <span className="activity-time">{formatClock(e.summary.date)}</span> {namesOf(e.summary.personIds, names).join(', ')}
                {e.summary.territoryId && territories.has(e.summary.territoryId) ? ` — ${territories.get(e.summary.territoryId)}` : ''}
              </li>
            ))}
          </ReportList>
          <ReportList title="Observations" empty="Aucune observation.">
            {contents.observations.map((o) => (
              <li key={o.id}>
                <span className="activity-time">{formatClock(o.summary.date)}</span>{' '}
                <Link href={activityPaths.territory(o.summary.territoryId)}>{territories.get(o.summary.territoryId) ?? 'Territoire'}</Link>
              </li>
            ))}
          </ReportList>
          <ReportList title="Nouvelles personnes" empty="Aucune nouvelle personne.">
            {contents.newPersons.map((p) => (
              <li key={p.id}>
                <Link href={activityPaths.person(p.id)}>{p.summary.name}</Link>
              </li>
            ))}
          </ReportList>
        </section>
      )}
    </>
  );
}

function ReportList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="report-list">
      <h3 id={id}>
        {title} ({children.length})
      </h3>
      {children.length === 0 ? <p className="empty">{empty}</p> : <ul className="activity-list compact">{children}</ul>}
    </section>
  );
}

function ReportEditor({ teamId, date, reportId, teamLabel }: { teamId: string; date: string; reportId: string; teamLabel: string }) {
  const record = useRecord('report', reportId);
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const partnerId = useId();
  const [draft, setDraft, clearDraft] = useDraft<ReportEdit | null>(`activity.report.${reportId}`, null);
  const [partner, setPartner] = useState('');
  const [partnerError, setPartnerError] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  if (record.status === 'loading') return <StatusMessage>Chargement…</StatusMessage>;
  const stored: ReportEdit | null = record.status === 'found' && !record.deleted ? { text: record.fields.text, coInterventions: record.fields.coInterventions } : null;
  const value = draft ?? stored ?? { text: '', coInterventions: [] };
  const set = (patch: Partial<ReportEdit>) => {
    setSaved('');
    setDraft({ ...value, ...patch });
  };

  const add = () => {
    const next = addPartner(value.coInterventions, partner);
    setPartnerError(next.error);
    if (next.error) return;
    set({ coInterventions: next.list });
    setPartner('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    setBusy(true);
    try {
      // A derived id another device already used (or a report in the corbeille) is updated by create.
      if (!stored) await writer.create('report', { teamId, date, text: value.text, coInterventions: value.coInterventions }, reportId);
      else {
        const patch = reportPatch(stored, value);
        if (Object.keys(patch).length > 0) await writer.update('report', reportId, patch);
      }
      clearDraft();
      setErrors({});
      setSaved('Compte-rendu enregistré.');
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.fields);
      setAlert(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate className="report-editor">
      <h2>
        Compte-rendu de l'équipe {teamLabel} {record.status === 'found' ? <PendingBadge pending={record.pending} /> : null}
      </h2>
      <FormAlert message={alert} />
      <TextAreaField label="Texte du compte-rendu" value={value.text} onValue={(text) => set({ text })} error={errors.text} maxLength={REPORT_TEXT_MAX} rows={6} />
      <fieldset className="partners">
        <legend>Co-interventions</legend>
        <p className="hint">Les partenaires avec qui l'équipe est intervenue ce jour.</p>
        {errors.coInterventions ? <p className="field-error">{errors.coInterventions}</p> : null}
        {value.coInterventions.length === 0 ? (
          <p className="empty">Aucune co-intervention.</p>
        ) : (
          <ul className="chosen" aria-label="Partenaires">
            {value.coInterventions.map((p) => (
              <li key={p}>
                <span>{p}</span>
                <button type="button" className="secondary small" aria-label={`Retirer ${p}`} onClick={() => set({ coInterventions: value.coInterventions.filter((v) => v !== p) })}>
                  Retirer
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-form">
          <div className="field">
            <label htmlFor={partnerId}>Nom du partenaire</label>
            {partnerError ? (
              <p className="field-error" id={`${partnerId}-error`}>
                {partnerError}
              </p>
            ) : null}
            <input
              id={partnerId}
              value={partner}
              maxLength={PARTNER_MAX}
              onChange={(e) => setPartner(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the partner instead of saving the whole report.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              autoComplete="off"
              aria-invalid={partnerError ? true : undefined}
              aria-describedby={partnerError ? `${partnerId}-error` : undefined}
            />
          </div>
          <button type="button" className="secondary" onClick={add}>
            Ajouter
          </button>
        </div>
      </fieldset>
      <div className="actions">
        <SubmitButton busy={busy}>Enregistrer le compte-rendu</SubmitButton>
      </div>
      <StatusMessage>{saved}</StatusMessage>
      {draft && !saved ? <p className="hint">Modifications non enregistrées (gardées en brouillon sur cet appareil).</p> : null}
    </form>
  );
}
