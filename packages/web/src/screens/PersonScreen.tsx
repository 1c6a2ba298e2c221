import { useState } from 'react';
import type { Json } from '@relais/core/sync/types';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useWorkspace } from '../app/context.ts';
import { takeFlash } from '../persons/flash.ts';
import { useMemberNames, usePerson, type ConflictEvent } from '../persons/hooks.ts';
import { formatDate, PERSON_FIELDS, PERSON_LABELS, type PersonField } from '../persons/person.ts';
import { StatusMessage } from '../ui/feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

function display(field: string, value: Json): string {
  if (value === null || value === '') return '(vide)';
  if (typeof value !== 'string') return JSON.stringify(value);
  return field === 'birthDate' ? formatDate(value) : value;
}

function fieldLabel(field: string): string {
  return (PERSON_FIELDS as readonly string[]).includes(field) ? PERSON_LABELS[field as PersonField] : field;
}

/** "le 3 mars 2026 à 14:05 par Alice" from a stamp "<ISO>|<userId>". */
function describeStamp(stamp: string, names: Map<string, string>, selfId: string): string {
  const [iso, userId] = stamp.split('|');
  const ms = iso ? Date.parse(iso) : NaN;
  const who = userId === selfId ? 'vous' : (userId && names.get(userId)) || 'un autre membre';
  return `${Number.isNaN(ms) ? '' : `${formatDateTime(ms)} `}par ${who}`;
}

function Conflict({ conflict, names, selfId }: { conflict: ConflictEvent; names: Map<string, string>; selfId: string }) {
  return (
    <li className="conflict">
      <h3>{fieldLabel(conflict.field)}</h3>
      <dl>
        <dt>Valeur conservée</dt>
        <dd>
          <span className="value">{display(conflict.field, conflict.keptValue)}</span>
          <span className="stamp"> — saisie {describeStamp(conflict.keptStamp, names, selfId)}</span>
        </dd>
        <dt>Valeur mise de côté</dt>
        <dd>
          <span className="value">{display(conflict.field, conflict.setAsideValue)}</span>
          <span className="stamp"> — saisie {describeStamp(conflict.setAsideStamp, names, selfId)}</span>
        </dd>
      </dl>
    </li>
  );
}

export function PersonScreen({ id }: { id: string }) {
  const state = usePerson(id);
  const names = useMemberNames();
  const { session } = useWorkspace();
  const [flash] = useState(() => takeFlash());

  if (state.status === 'loading') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (state.status === 'missing') {
    return (
      <main id="main">
        <ScreenTitle>Personne introuvable</ScreenTitle>
        <p>Cette personne n'existe pas sur cet appareil. Elle apparaîtra après la prochaine synchronisation si elle a été créée ailleurs.</p>
        <p>
          <Link href={paths.persons}>Retour à la liste des personnes</Link>
        </p>
      </main>
    );
  }
  const { person, conflicts } = state;
  return (
    <main id="main">
      <p className="breadcrumb">
        <Link href={paths.persons}>← Personnes</Link>
      </p>
      <div className="title-row">
        <ScreenTitle documentTitle="Fiche de la personne">{person.name || '(sans nom)'}</ScreenTitle>
        <Link href={paths.personEdit(person.id)} className="button primary">
          Modifier<span className="sr-only"> la personne</span>
        </Link>
      </div>
      <StatusMessage>{flash ?? ''}</StatusMessage>
      {person.pending ? <p className="badge">Modifications non encore synchronisées</p> : null}
      {conflicts.length > 0 ? (
        <section className="conflicts" aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">
            <span aria-hidden="true">⚠ </span>
            {conflicts.length === 1
              ? 'Conflit : une autre valeur a été mise de côté'
              : `Conflits : ${conflicts.length} autres valeurs ont été mises de côté`}
          </h2>
          <p className="hint-on-warning">
            Deux modifications du même champ se sont croisées. Une valeur a été conservée ; l'autre est gardée ici pour
            que rien ne soit perdu. Modifiez la fiche si la valeur mise de côté est la bonne.
          </p>
          <ul>
            {conflicts.map((c) => (
              <Conflict key={c.id} conflict={c} names={names} selfId={session.me.user.id} />
            ))}
          </ul>
        </section>
      ) : null}
      <dl className="person-fields">
        {PERSON_FIELDS.map((field) => (
          <div key={field}>
            <dt>{PERSON_LABELS[field]}</dt>
            <dd className={field === 'description' ? 'multiline' : undefined}>
              {person[field] ? (field === 'birthDate' ? formatDate(person[field]) : person[field]) : <span className="empty">Non renseigné</span>}
            </dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
