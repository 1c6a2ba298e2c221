// The access journal: one row per thing an administrator may need to account for (who synced
// which collections, logins, confirmations, role changes, rotations, exports). Rows carry member
// ids, collection names and counts, never personal content; they sit in their own table, apart
// from the records. Old rows go after the organisation's retention (12 months by default).
import type { JournalEntry } from '@relais/core/protocol';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, JournalEventColumn } from '../db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface JournalEvent {
  organisationId: string;
  actorId: string;
  event: JournalEventColumn;
  /** The member the event is about (confirmed, changed), when not the actor. */
  subjectId?: string;
  collections?: readonly string[];
  count?: number;
}

export async function journal(db: Executor, entry: JournalEvent): Promise<void> {
  await db
    .insertInto('access_journal')
    .values({
      organisation_id: entry.organisationId,
      actor_id: entry.actorId,
      event: entry.event,
      subject_id: entry.subjectId ?? null,
      collections: [...new Set(entry.collections ?? [])].sort(),
      count: entry.count ?? 0,
    })
    .execute();
}

/** Deletes what is older than the organisation's retention; returns how many rows went. */
export async function purgeJournal(db: Executor, organisationId: string): Promise<number> {
  const result = await sql`
    DELETE FROM access_journal j USING organisations o
    WHERE j.organisation_id = ${organisationId}::uuid AND o.id = j.organisation_id
      AND j.at < now() - make_interval(months => o.journal_retention_months)
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Newest first, `limit` rows older than `before` (an entry id) when given. */
export async function readJournal(db: Executor, organisationId: string, page: { before?: number | undefined; limit: number }): Promise<JournalEntry[]> {
  let query = db
    .selectFrom('access_journal')
    .select(['id', 'at', 'actor_id', 'event', 'subject_id', 'collections', 'count'])
    .where('organisation_id', '=', organisationId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    event: row.event,
    subjectId: row.subject_id,
    collections: row.collections,
    count: row.count,
  }));
}
