// The day's service counters of a team: one row per service with large « − » / « + » buttons.
// Each member writes only their own counter record (id from core's serviceCountId), so concurrent
// taps on several phones add up instead of conflicting; the figure shown is the sum.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { serviceTotals } from '@relais/core/domain/service-count';
import { errorMessage } from '../../api/errors.ts';
import { StatusMessage } from '../../ui/feedback.tsx';
import { CounterQueue } from './counters.ts';
import { partsKey, useDerivedIds, useIndex, useMe, useSettings, useWriter } from './data.ts';

interface CounterKey {
  teamId: string;
  date: string;
  service: string;
}

const SETTLE_MS = 2_000;

export function ServiceCounters({ teamId, date, large = false }: { teamId: string; date: string; large?: boolean }) {
  const settings = useSettings();
  const me = useMe();
  const writer = useWriter();
  const counts = useIndex('serviceCount');
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [message, setMessage] = useState('');
  const keys = useRef(new Map<string, CounterKey>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const writerRef = useRef(writer);
  writerRef.current = writer;

  const queue = useMemo(
    () =>
      new CounterQueue(
        {
          create: async (id, count) => {
            const key = keys.current.get(id);
            if (!key) throw new Error('unknown counter');
            await writerRef.current.create('serviceCount', { ...key, count }, id);
          },
          update: async (id, count) => {
            await writerRef.current.update('serviceCount', id, { count });
          },
        },
        rerender,
        (error) => setMessage(`Le compteur n'a pas pu être enregistré : ${errorMessage(error)}`),
      ),
    [],
  );
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending) clearTimeout(t);
    };
  }, []);

  const totals = useMemo(() => serviceTotals(counts ?? [], { teamId, date }, settings.services), [counts, teamId, date, settings.services]);
  const parts = useMemo(() => totals.map(({ service }) => ['serviceCount', teamId, date, service, me.user.id]), [totals, teamId, date, me.user.id]);
  const ids = useDerivedIds(parts);
  /** This member's counter record for the service (core's serviceCountId). */
  const idOf = (service: string) => ids?.get(partsKey(['serviceCount', teamId, date, service, me.user.id])) ?? '';
  const own = useMemo(() => new Map((counts ?? []).map((c) => [c.id, c.summary.count])), [counts]);

  if (!teamId) return <p className="notice">Choisissez d'abord une équipe.</p>;
  if (totals.length === 0) {
    return <p className="empty">Aucun service n'est défini. Un administrateur peut en ajouter dans les réglages de l'organisation.</p>;
  }
  if (counts === null || ids === null) return <StatusMessage>Chargement…</StatusMessage>;

  const tap = (service: string, delta: 1 | -1) => {
    const id = idOf(service);
    keys.current.set(id, { teamId, date, service });
    const indexed = own.get(id);
    if (!queue.step(id, indexed, delta)) {
      setMessage(`${service} : vous ne pouvez retirer que ce que vous avez compté vous-même ce jour.`);
      return;
    }
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      queue.settle(id);
    }, SETTLE_MS);
    timers.current.add(timer);
    const total = totals.find((t) => t.service === service)?.total ?? 0;
    const next = total - (indexed ?? 0) + queue.value(id, indexed);
    setMessage(`${service} : ${next}`);
  };

  return (
    <div className={large ? 'counters large' : 'counters'}>
      <ul aria-label="Compteurs de services">
        {totals.map(({ service, total }) => {
          const id = idOf(service);
          const indexed = own.get(id);
          const mine = queue.value(id, indexed);
          const shown = total - (indexed ?? 0) + mine;
          return (
            <li key={service} className="counter">
              <span className="counter-name" id={`counter-${encodeURIComponent(service)}`}>
                {service}
              </span>
              <button type="button" className="secondary counter-button" aria-label={`Retirer un : ${service}`} onClick={() => tap(service, -1)}>
                −
              </button>
              <span className="counter-value">
                {shown}
              </span>
              <button type="button" className="primary counter-button" aria-label={`Ajouter un : ${service}`} onClick={() => tap(service, 1)}>
                +
              </button>
              {mine > 0 && mine !== shown ? <span className="counter-mine">dont {mine} par vous</span> : null}
            </li>
          );
        })}
      </ul>
      <StatusMessage className="counter-status">{message}</StatusMessage>
    </div>
  );
}
