// History records: one per event about another record, never an edit of it, so two devices
// recording changes at the same time never conflict. 'change' entries say who changed which
// field, when, from what to what; 'conflict' entries are written by the sync engine when a merge
// kept one of two concurrent values (sync/engine.ts), so the other is never lost.
import { z } from 'zod';
import { COLLECTION_NAMES, type Collection } from '../collections.ts';
import { compareText, jsonEqual } from '../sync/json.ts';
import type { Json } from '../sync/types.ts';
import { choice, dateTime, id, MESSAGES, recordMeta, requiredText, text } from './fields.ts';

const jsonValue = z.custom<Json>(isJson, { error: 'Valeur invalide.' });

const target = {
  recordCollection: choice(COLLECTION_NAMES, 'Type de fiche inconnu.'),
  recordId: id(),
  field: requiredText(200, 'Veuillez indiquer le champ.'),
};

export const HistoryChangeFields = z.object(
  {
    kind: z.literal('change'),
    ...target,
    before: jsonValue,
    after: jsonValue,
    at: dateTime(),
    by: id(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type HistoryChangeFields = z.infer<typeof HistoryChangeFields>;

/** Written by the sync engine; stamps are "<ISO time>|<user id>". */
export const HistoryConflictFields = z.object(
  {
    kind: z.literal('conflict'),
    ...target,
    keptValue: jsonValue,
    setAsideValue: jsonValue,
    keptStamp: text(300),
    setAsideStamp: text(300),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type HistoryConflictFields = z.infer<typeof HistoryConflictFields>;

export const HistoryFields = z.discriminatedUnion('kind', [HistoryChangeFields, HistoryConflictFields], { error: MESSAGES.document });
export type HistoryFields = z.infer<typeof HistoryFields>;

/** Record metadata the history does not track: the corbeille has its own who/when. */
export const UNTRACKED_FIELDS: readonly string[] = ['createdAt', 'createdBy', 'deletedAt', 'deletedBy'];

/**
 * One 'change' entry per field whose value differs between `before` and `after` (fields absent
 * from `after` are not changes: a patch does not remove fields). Nothing for a new record
 * (`before` null): its creation is its createdAt/createdBy.
 */
export function changeEntries(
  recordCollection: Collection,
  recordId: string,
  before: Readonly<Record<string, Json>> | null,
  after: Readonly<Record<string, Json>>,
  by: string,
  at: string,
  untracked: readonly string[] = UNTRACKED_FIELDS,
): HistoryChangeFields[] {
  if (before === null) return [];
  const out: HistoryChangeFields[] = [];
  for (const field of Object.keys(after).sort()) {
    if (untracked.includes(field)) continue;
    const next = own(after, field) ?? null;
    const previous = own(before, field) ?? null;
    if (jsonEqual(previous, next)) continue;
    out.push({ kind: 'change', recordCollection, recordId, field, before: previous, after: next, at, by });
  }
  return out;
}

function own(map: Readonly<Record<string, Json>>, key: string): Json | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

export interface HistorySummary {
  kind: 'change' | 'conflict';
  recordCollection: Collection;
  recordId: string;
  /** When it happened: `at` of a change, the later stamp's time of a conflict. */
  at: string;
}

export function summariseHistory(f: HistoryFields): HistorySummary {
  const at = f.kind === 'change' ? f.at : stampTime(f.keptStamp > f.setAsideStamp ? f.keptStamp : f.setAsideStamp);
  return { kind: f.kind, recordCollection: f.recordCollection, recordId: f.recordId, at };
}

function stampTime(stamp: string): string {
  const bar = stamp.indexOf('|');
  return bar < 0 ? stamp : stamp.slice(0, bar);
}

export function historyLabel(f: HistoryFields): string {
  return f.kind === 'change' ? `Modification : ${f.field}` : `Conflit résolu : ${f.field}`;
}

function isJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every((v) => isJson(v, depth + 1));
  }
  return false;
}

/** Newest first (ties by id, so every device shows the same order). */
export function compareHistoryNewestFirst(a: { summary: HistorySummary; id: string }, b: { summary: HistorySummary; id: string }): number {
  return compareText(b.summary.at, a.summary.at) || compareText(a.id, b.id);
}
