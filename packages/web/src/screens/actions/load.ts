// Loading what an action screen shows: an action record (with its series when it is an
// occurrence), or an untouched occurrence computed from its series. An occurrence someone has
// since recorded (here or on another device) leads to that record instead.
import { useMemo } from 'react';
import { isOccurrenceDate, occurrenceFields } from '@relais/core/domain/recurrence';
import { useIndex, useRecord, type ActionFields, type ActionSeriesFields } from './data.ts';

export type LoadedAction =
  | { status: 'loading' }
  | { status: 'missing'; inTrash: boolean }
  /** The occurrence has a record now: show that one. */
  | { status: 'recorded'; id: string }
  | {
      status: 'found';
      /** null for an untouched occurrence. */
      id: string | null;
      fields: ActionFields;
      pending: boolean;
      seriesId: string;
      series: ActionSeriesFields | null;
      /** The occurrence's date in its series ('' for a single action). */
      occurrenceDate: string;
    };

function useSeries(seriesId: string): { loading: boolean; series: ActionSeriesFields | null } {
  const index = useIndex('actionSeries');
  return useMemo(() => {
    if (index === null) return { loading: true, series: null };
    return { loading: false, series: seriesId ? (index.find((s) => s.id === seriesId)?.summary ?? null) : null };
  }, [index, seriesId]);
}

export function useLoadedAction(id: string): LoadedAction {
  const record = useRecord('action', id);
  const seriesId = record.status === 'found' ? record.fields.seriesId : '';
  const { loading, series } = useSeries(seriesId);
  if (record.status === 'loading' || (seriesId && loading)) return { status: 'loading' };
  if (record.status === 'missing') return { status: 'missing', inTrash: false };
  if (record.deleted) return { status: 'missing', inTrash: true };
  return {
    status: 'found',
    id: record.id,
    fields: record.fields,
    pending: record.pending,
    seriesId,
    series,
    occurrenceDate: record.fields.occurrenceDate,
  };
}

export function useLoadedOccurrence(seriesId: string, date: string): LoadedAction {
  const { loading, series } = useSeries(seriesId);
  const actions = useIndex('action');
  const recorded = useMemo(
    () => actions?.find((a) => a.summary.seriesId === seriesId && a.summary.occurrenceDate === date)?.id ?? null,
    [actions, seriesId, date],
  );
  if (loading || actions === null) return { status: 'loading' };
  if (recorded) return { status: 'recorded', id: recorded };
  if (!series || !isOccurrenceDate(series, date)) return { status: 'missing', inTrash: false };
  return { status: 'found', id: null, fields: occurrenceFields(seriesId, series, date), pending: false, seriesId, series, occurrenceDate: date };
}
