// « Chronologie »: everything that happened with the person, newest first, with what is due later
// apart at the top. Built from the in-memory summaries; only this person's comment texts are
// decrypted.
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from '../../app/router.tsx';
import { useIndex, useIndexGroup, useIndexGroups, useRecords } from './data.ts';
import { fieldLabel } from './labels.ts';
import type { Who } from './names.ts';
import { assembleTimeline, timelineWhen, type ChangeInput, type TimelineItem } from './timeline.ts';

const PAGE = 30;
const ACTION_STATUS: Record<string, string> = { todo: 'À faire', done: 'Faite', cancelled: 'Annulée' };

interface Props {
  personId: string;
  createdAt: string;
  createdBy: string;
  changes: readonly ChangeInput[];
  who: Who;
  teamNames: ReadonlyMap<string, string>;
}

const NONE: readonly never[] = [];

export function TimelineSection({ personId, createdAt, createdBy, changes, who, teamNames }: Props) {
  const actions = useIndexGroup('action', 'personIds', personId);
  const personComments = useIndexGroup('comment', 'personId', personId);
  const passages = useIndexGroup('passage', 'personIds', personId);
  const encounters = useIndexGroup('encounter', 'personIds', personId);
  const territories = useIndex('territory');
  const [shown, setShown] = useState(PAGE);

  const mineActions = actions ?? NONE;
  const actionIds = useMemo(() => mineActions.map((a) => a.id), [mineActions]);
  // Comments on the person and on their actions.
  const actionComments = useIndexGroups('comment', 'actionId', actionIds);
  const mineComments = useMemo(() => {
    const byId = new Map([...(personComments ?? []), ...(actionComments ?? [])].map((c) => [c.id, c]));
    return [...byId.values()];
  }, [personComments, actionComments]);
  const commentIds = useMemo(() => mineComments.map((c) => c.id), [mineComments]);
  const commentTexts = useRecords('comment', commentIds);
  const texts = useMemo(() => new Map((commentTexts ?? []).map((c) => [c.id, c.fields.text])), [commentTexts]);
  const territoryNames = useMemo(() => new Map((territories ?? []).map((t) => [t.id, t.summary.name])), [territories]);
  const actionTitles = useMemo(() => new Map(mineActions.map((a) => [a.id, a.summary.title])), [mineActions]);

  const timeline = useMemo(
    () =>
      assembleTimeline(
        {
          personId,
          createdAt,
          createdBy,
          changes,
          actions: mineActions.map((a) => ({ id: a.id, ...a.summary })),
          comments: mineComments.map((c) => ({ id: c.id, ...c.summary, text: texts.get(c.id) })),
          passages: (passages ?? []).map((p) => ({ id: p.id, ...p.summary })),
          encounters: (encounters ?? []).map((e) => ({ id: e.id, ...e.summary })),
        },
        Date.now(),
      ),
    [personId, createdAt, createdBy, changes, mineActions, mineComments, texts, passages, encounters],
  );

  const loading = actions === null || personComments === null || actionComments === null || passages === null || encounters === null;
  const describe = (item: TimelineItem) => <TimelineEntry item={item} who={who} teamNames={teamNames} territoryNames={territoryNames} actionTitles={actionTitles} />;
  return (
    <section aria-labelledby="timeline-title" className="file-section" id="chronologie">
      <h2 id="timeline-title">Chronologie</h2>
      <p>
        <Link href={`/actions/nouvelle?personne=${encodeURIComponent(personId)}`} className="button secondary small">
          Nouvelle action<span className="sr-only"> pour cette personne</span>
        </Link>
      </p>
      {loading ? <p className="hint">Chargement…</p> : null}
      {timeline.upcoming.length > 0 ? (
        <>
          <h3>À venir</h3>
          <ol className="timeline" aria-label="À venir">
            {timeline.upcoming.map((item) => (
              <li key={item.key}>{describe(item)}</li>
            ))}
          </ol>
        </>
      ) : null}
      {timeline.upcoming.length > 0 ? <h3>Passé</h3> : null}
      <ol className="timeline" aria-label="Du plus récent au plus ancien">
        {timeline.past.slice(0, shown).map((item) => (
          <li key={item.key}>{describe(item)}</li>
        ))}
      </ol>
      {timeline.past.length > shown ? (
        <button type="button" className="secondary small" onClick={() => setShown((n) => n + PAGE)}>
          Afficher les événements plus anciens ({timeline.past.length - shown} de plus)
        </button>
      ) : null}
    </section>
  );
}

function TimelineEntry({
  item,
  who,
  teamNames,
  territoryNames,
  actionTitles,
}: {
  item: TimelineItem;
  who: Who;
  teamNames: ReadonlyMap<string, string>;
  territoryNames: ReadonlyMap<string, string>;
  actionTitles: ReadonlyMap<string, string>;
}) {
  const team = item.teamId ? teamNames.get(item.teamId) : undefined;
  let title: ReactNode;
  let body: ReactNode = null;
  switch (item.kind) {
    case 'created':
      title = `Fiche créée par ${who(item.by ?? '')}`;
      break;
    case 'change':
      title = `Fiche modifiée par ${who(item.by ?? '')}`;
      body = <p className="timeline-detail">{(item.fields ?? []).map(fieldLabel).join(', ')}</p>;
      break;
    case 'action':
      title = (
        <>
          Action <Link href={`/actions/${item.refId ?? ''}`}>{item.text}</Link>
        </>
      );
      body = (
        <p className="timeline-detail">
          {ACTION_STATUS[item.status ?? ''] ?? item.status}
          {item.status === 'todo' && item.at < Date.now() ? ' · en retard' : ''}
          {item.urgent ? ' · urgente' : ''}
        </p>
      );
      break;
    case 'comment':
      title = `Commentaire${item.priority ? ' prioritaire' : ''}${team ? ` · ${team}` : ''}`;
      body = (
        <>
          {item.refId ? <p className="timeline-detail">Sur l'action « {actionTitles.get(item.refId) ?? '…'} »</p> : null}
          {item.text !== undefined ? <p className="timeline-text">{item.text}</p> : null}
        </>
      );
      break;
    case 'passage':
      title = `Passage${team ? ` · ${team}` : ''}`;
      body = item.others ? <p className="timeline-detail">Avec {item.others === 1 ? 'une autre personne' : `${item.others} autres personnes`}</p> : null;
      break;
    case 'encounter':
      title = `Rencontre${team ? ` · ${team}` : ''}`;
      body = item.refId ? <p className="timeline-detail">Territoire : {territoryNames.get(item.refId) ?? 'inconnu'}</p> : null;
      break;
  }
  return (
    <div className={`timeline-item ${item.kind}${item.priority || item.urgent ? ' important' : ''}`}>
      <p className="timeline-when">{timelineWhen(item)}</p>
      <p className="timeline-title">{title}</p>
      {body}
    </div>
  );
}
