// The person's file (dossier): who they are, alerts first, what links them to places and people,
// then everything that happened with them and the field-change history.
import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Comments } from '../actions/Comments.tsx';
import { PersonActions } from '../actions/PersonActions.tsx';
import { PersonActivity } from '../activity/PersonActivity.tsx';
import { ageLabel } from '@relais/core/domain/age';
import { ConflictSection, type ConflictView } from './ConflictSection.tsx';
import { useHistory, useIndexItem, useMe, useRecord, useSettings, useTeams } from './data.ts';
import { DeletePerson } from './DeletePerson.tsx';
import { FamilySection } from './FamilySection.tsx';
import { takeFlash } from '../../ui/flash.ts';
import { formValues, type PersonFormValues } from './form-state.ts';
import { HistorySection } from './HistorySection.tsx';
import { GENDER_LABELS, PERSON_LABELS } from './labels.ts';
import { formatDateFr, localDate } from '../../ui/dates.ts';
import { useWho } from './names.ts';
import { personPaths } from './paths.ts';
import { PlacesSection } from './PlacesSection.tsx';
import { ReturnToActiveList } from './ReturnToActiveList.tsx';
import { Loading, Missing } from './states.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { MedicalSection } from '../medical/MedicalSection.tsx';
import type { ChangeInput } from './timeline.ts';

function Value({ children }: { children: string }) {
  return children ? <>{children}</> : <span className="empty">Non renseigné</span>;
}

function FieldList({ person, teamNames, restricted }: { person: PersonFormValues; teamNames: ReadonlyMap<string, string>; restricted: boolean }) {
  const teams = person.teamIds.map((id) => teamNames.get(id) ?? 'Équipe supprimée ou inconnue');
  const rows: [string, string, string?][] = [
    [PERSON_LABELS.otherNames, person.otherNames],
    [PERSON_LABELS.gender, person.gender ? GENDER_LABELS[person.gender] : ''],
    [PERSON_LABELS.birthDate, formatDateFr(person.birthDate)],
    [PERSON_LABELS.phone, person.phone],
    [PERSON_LABELS.email, person.email],
    // « Accès restreint »: the free-text description is left out (decision 016).
    ...(restricted ? [] : [[PERSON_LABELS.description, person.description, 'multiline'] as [string, string, string]]),
    [PERSON_LABELS.highlyVulnerable, person.highlyVulnerable ? 'Oui' : 'Non'],
    [PERSON_LABELS.streetSince, formatDateFr(person.streetSince)],
    [PERSON_LABELS.followedSince, formatDateFr(person.followedSince)],
    [PERSON_LABELS.teamIds, teams.join(', ')],
  ];
  return (
    <dl className="person-fields">
      {rows.map(([label, value, className]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={className}>
            {label === PERSON_LABELS.phone && value ? <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a> : <Value>{value}</Value>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const SECTIONS = [
  ['#informations', 'Informations'],
  ['#lieux', 'Lieux'],
  ['#famille', 'Famille'],
  ['#actions', 'Actions'],
  ['#commentaires', 'Commentaires'],
  ['#activite', 'Passages, rencontres'],
  ['#chronologie', 'Chronologie'],
  ['#historique', 'Historique'],
] as const;

export function PersonFileScreen({ id }: { id: string }) {
  const record = useRecord('person', id);
  const history = useHistory('person', id);
  const teams = useTeams();
  const who = useWho();
  const { modules } = useSettings();
  const hasActivity = modules.passages || modules.encounters;
  const [flash] = useState(() => takeFlash());
  // Every section renders with the header, from the summaries already on the page: their reads
  // of full documents leave in the same task, travel as one batch (data/client.ts) and come back
  // as one render, instead of a render per section after a deferred second pass.
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  const restricted = useMe().user.role === 'restricted';
  const indexed = useIndexItem('person', id);
  const fields = record.status === 'found' ? record.fields : null;
  const person = useMemo(() => (fields ? formValues(fields) : null), [fields]);
  // The summary is already on the page: the header shows at once, before the Worker has
  // decrypted the whole file.
  const summary = indexed?.summary ?? null;
  const conflicts = useMemo(
    () =>
      history.flatMap((e): ConflictView[] =>
        e.kind === 'conflict' ? [{ id: e.id, field: e.field, keptValue: e.keptValue, setAsideValue: e.setAsideValue, keptStamp: e.keptStamp, setAsideStamp: e.setAsideStamp }] : [],
      ),
    [history],
  );
  const changes = useMemo(
    () => history.flatMap((e) => (e.kind === 'change' ? [{ id: e.id, field: e.field, before: e.before, after: e.after, at: e.at, by: e.by }] : [])),
    [history],
  );

  if (record.status === 'missing' || (record.status === 'found' && record.deleted)) return <Missing />;
  const head = person ?? summary;
  if (!head) return <Loading />;
  const age = ageLabel(head.birthDate, localDate(Date.now()));
  const name = head.name;
  const outDate = person?.outOfActiveListDate ?? '';

  return (
    <main id="main" className="person-file">
      <p className="breadcrumb">
        <Link href={personPaths.list} returning>
          ← Personnes
        </Link>
      </p>
      <div className="title-row">
        <ScreenTitle documentTitle="Dossier de la personne">{name || '(sans nom)'}</ScreenTitle>
        <Link href={personPaths.edit(id)} className="button primary">
          Modifier<span className="sr-only"> la personne</span>
        </Link>
      </div>
      <p className="person-summary">
        {age ? <span>{age}</span> : null}
        {head.highlyVulnerable ? <span className="badge danger">Très vulnérable</span> : null}
        {head.outOfActiveList ? <span className="badge muted">Hors file active{outDate ? ` depuis le ${formatDateFr(outDate)}` : ''}</span> : null}
        {record.status === 'found' && record.pending ? <span className="badge">Modifications non encore synchronisées</span> : null}
      </p>
      <StatusMessage>{flash ?? ''}</StatusMessage>
      {person?.alerts ? (
        <section className="alert-banner" aria-labelledby="alerts-title">
          <h2 id="alerts-title">
            <span aria-hidden="true">⚠ </span>Alertes
          </h2>
          <p>{person.alerts}</p>
        </section>
      ) : null}
      <ConflictSection conflicts={conflicts} who={who} teamNames={teamNames} />
      <nav aria-label="Sections du dossier" className="file-nav">
        <ul>
          {SECTIONS.filter(([href]) => hasActivity || href !== '#activite').map(([href, label]) => (
            <li key={href}>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="informations-title" className="file-section" id="informations">
        <h2 id="informations-title">Informations</h2>
        {person ? <FieldList person={person} teamNames={teamNames} restricted={restricted} /> : <p className="hint">Déchiffrement du dossier…</p>}
        {person?.outOfActiveList ? <ReturnToActiveList id={id} date={person.outOfActiveListDate} reasons={person.outOfActiveListReasons} /> : null}
      </section>
      {restricted ? null : <CustomFieldsSection values={fields?.customFields} />}
      <MedicalSection personId={id} />
      <BelowTheFold id={id} name={name} createdAt={fields?.createdAt ?? ''} createdBy={fields?.createdBy ?? ''} changes={changes} hasActivity={hasActivity} />
    </main>
  );
}

function BelowTheFold({
  id,
  name,
  createdAt,
  createdBy,
  changes,
  hasActivity,
}: {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  changes: readonly (ChangeInput & { id: string })[];
  hasActivity: boolean;
}) {
  const teams = useTeams();
  const who = useWho();
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  return (
    <>
      <PlacesSection personId={id} />
      <FamilySection personId={id} personName={name} />
      {/* These bring their own section and heading. */}
      <div className="file-section" id="actions">
        <PersonActions personId={id} />
      </div>
      <div className="file-section" id="commentaires">
        <Comments personId={id} />
      </div>
      {hasActivity ? (
        <div className="file-section" id="activite">
          <PersonActivity personId={id} />
        </div>
      ) : null}
      <TimelineSection personId={id} createdAt={createdAt} createdBy={createdBy} changes={changes} who={who} teamNames={teamNames} />
      <HistorySection changes={changes} who={who} teamNames={teamNames} />
      <DeletePerson id={id} name={name} />
    </>
  );
}
