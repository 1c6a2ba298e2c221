// Every write a screen makes, in the Worker: validated with the collection's core schema (French
// messages per field), stamped with who and when, written to the outbox (never waiting for the
// network). Deleting sends the record to the corbeille, which says who and when; restoring brings
// it back. For persons, each changed field also becomes a history record (before → after).
import type { Collection } from '@relais/core/collections';
import { jsonEqual } from '@relais/core/sync/json';
import type { SyncEngine } from '@relais/core/sync/engine';
import type { Json } from '@relais/core/sync/types';
import { isoFromMs } from '@relais/core/sync/time';
import type { Domain } from './domain-port.ts';
import { DataError, ValidationError } from './errors.ts';
import type { Fields } from './protocol.ts';
import type { FullRecord } from './types.ts';

export const RECORD_GONE = "Cette fiche n'existe pas (ou plus) sur cet appareil.";
export const INVALID_ID = 'Identifiant de fiche invalide.';

const META = ['createdAt', 'createdBy', 'deletedAt', 'deletedBy'];

export interface WriterDeps {
  engine: SyncEngine;
  domain: Domain;
  userId: string;
  now(): number;
  newId(): string;
  /** The record's current state, decrypted and completed with empty values (null when absent). */
  read(collection: Collection, id: string): Promise<FullRecord<Fields> | null>;
}

function validated(deps: WriterDeps, collection: Collection, fields: Fields): Fields {
  const result = deps.domain.validate(collection, fields);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}

/** Creates a record, or, when its id already exists (a derived id another device used), updates it. */
export async function createRecord(deps: WriterDeps, collection: Collection, fields: Fields, id?: string): Promise<string> {
  const recordId = id ?? deps.newId();
  const existing = id === undefined ? null : await deps.read(collection, recordId);
  if (existing && !existing.deleted) {
    const patch: Fields = { ...fields };
    for (const key of META) delete patch[key];
    await updateRecord(deps, collection, recordId, patch);
    return recordId;
  }
  const at = isoFromMs(deps.now());
  const value = validated(deps, collection, { ...deps.domain.empty(collection), ...fields, createdAt: at, createdBy: deps.userId, deletedAt: '', deletedBy: '' });
  try {
    await deps.engine.write(collection, recordId, value);
  } catch (error) {
    if (error instanceof TypeError && /invalid record id/.test(error.message)) throw new DataError(INVALID_ID);
    throw error;
  }
  return recordId;
}

/** Writes only the fields that change, so untouched fields keep their stamps in a later merge. */
export async function updateRecord(deps: WriterDeps, collection: Collection, id: string, patch: Fields): Promise<void> {
  const current = await deps.read(collection, id);
  if (!current) throw new DataError(RECORD_GONE);
  const next = validated(deps, collection, { ...current.fields, ...patch });
  const changed: Fields = {};
  for (const field of Object.keys(patch)) {
    if (!(field in next)) continue;
    const value = next[field] as Json;
    if (!jsonEqual(current.fields[field] ?? null, value)) changed[field] = value;
  }
  if (Object.keys(changed).length === 0) return;
  await deps.engine.write(collection, id, changed);
  if (deps.domain.tracksHistory(collection)) await recordChanges(deps, collection, id, current.fields, changed);
}

async function recordChanges(deps: WriterDeps, collection: Collection, id: string, before: Fields, changed: Fields): Promise<void> {
  const at = isoFromMs(deps.now());
  for (const field of Object.keys(changed).sort()) {
    if (META.includes(field)) continue;
    const entry: Fields = {
      kind: 'change',
      recordCollection: collection,
      recordId: id,
      field,
      before: before[field] ?? null,
      after: changed[field] ?? null,
      at,
      by: deps.userId,
      createdAt: at,
      createdBy: deps.userId,
    };
    await deps.engine.write('history', deps.newId(), entry);
  }
}

/** To the corbeille: who and when go into the document, the record's `deleted` flag is the truth. */
export async function removeRecord(deps: WriterDeps, collection: Collection, id: string): Promise<void> {
  const current = await deps.read(collection, id);
  if (!current) throw new DataError(RECORD_GONE);
  if (current.deleted) return;
  await deps.engine.write(collection, id, { deletedAt: isoFromMs(deps.now()), deletedBy: deps.userId });
  await deps.engine.remove(collection, id);
}

/** Out of the corbeille: writing to a deleted record brings it back (sync engine). */
export async function restoreRecord(deps: WriterDeps, collection: Collection, id: string): Promise<void> {
  const current = await deps.read(collection, id);
  if (!current) throw new DataError(RECORD_GONE);
  if (!current.deleted) return;
  await deps.engine.write(collection, id, { deletedAt: '', deletedBy: '' });
}
