// The writes the action screens share: changing a status (and its « date de réalisation »), and
// turning an untouched occurrence of a series into an action record. The occurrence's id is
// derived from (series, date), so two devices doing it offline make one record, not two.
import { useMemo } from 'react';
import { setActionStatus, type ActionStatus, type ActionSummary } from '@relais/core/domain/action';
import { occurrenceFields } from '@relais/core/domain/recurrence';
import { useDerivedId, useWriter, type ActionFields, type ActionSeriesFields } from './data.ts';
import { nowIso } from '../../ui/dates.ts';

export interface ActionCommands {
  /** Moves the action (or the occurrence, materialised first) to `status`; resolves with the record id. */
  setStatus(
    entry: { id: string | null; summary: Pick<ActionSummary, 'status' | 'completedAt' | 'seriesId' | 'occurrenceDate'> },
    status: ActionStatus,
    series: ActionSeriesFields | null,
  ): Promise<string>;
  /** The record id of one occurrence of a series, the same on every device. */
  occurrenceId(seriesId: string, date: string): Promise<string>;
  /** Creates (or, if another device did, updates) the record of one occurrence, with `patch` applied. */
  materialise(seriesId: string, series: ActionSeriesFields, date: string, patch?: Partial<ActionFields>): Promise<string>;
}

export function useActionCommands(): ActionCommands {
  const writer = useWriter();
  const derive = useDerivedId();
  return useMemo(() => {
    const occurrenceId = (seriesId: string, date: string) => derive(seriesId, date);
    const materialise = async (seriesId: string, series: ActionSeriesFields, date: string, patch: Partial<ActionFields> = {}) => {
      const id = await occurrenceId(seriesId, date);
      const fields: ActionFields = { ...occurrenceFields(seriesId, series, date), ...patch, seriesId, occurrenceDate: date };
      return writer.create('action', fields, id);
    };
    return {
      occurrenceId,
      materialise,
      async setStatus(entry, status, series) {
        const patch = setActionStatus(entry.summary, status, nowIso());
        if (entry.id !== null) {
          await writer.update('action', entry.id, patch);
          return entry.id;
        }
        if (!series) throw new Error("La série de cette action est introuvable sur cet appareil.");
        return materialise(entry.summary.seriesId, series, entry.summary.occurrenceDate, patch);
      },
    };
  }, [writer, derive]);
}
