// Where the re-encryption driver keeps its place (one cursor per key kind), so a reload, a crash
// or a closed tab resumes the pass instead of starting it again. A small database of its own per
// user, not a store in the user database: the rotation Worker then never has to open (or
// upgrade) the database the data Worker works in, and logout deletes it next to that one.
// A cursor holds sequence numbers and `collection/id` of records that did not open: no content.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KeyKind } from '@relais/core/protocol';
import type { RotationCursor, RotationCursorStore } from '@relais/core/rotation/driver';

interface RotationDbSchema extends DBSchema {
  cursors: { key: KeyKind; value: RotationCursor };
}

const PREFIX = 'relais-rotation-';
const VERSION = 1;

export function rotationDbName(userId: string): string {
  return PREFIX + userId;
}

export class IdbCursorStore implements RotationCursorStore {
  private constructor(private readonly db: IDBPDatabase<RotationDbSchema>) {}

  static async open(userId: string): Promise<IdbCursorStore> {
    const db = await openDB<RotationDbSchema>(rotationDbName(userId), VERSION, {
      upgrade(d) {
        d.createObjectStore('cursors', { keyPath: 'kind' });
      },
      // Logout in another tab deletes this database: let it rather than block it.
      blocking() {
        db.close();
      },
    });
    return new IdbCursorStore(db);
  }

  async load(kind: KeyKind): Promise<RotationCursor | null> {
    const cursor = await this.db.get('cursors', kind);
    return cursor === undefined || !isCursor(cursor, kind) ? null : cursor;
  }

  async save(cursor: RotationCursor): Promise<void> {
    await this.db.put('cursors', { kind: cursor.kind, version: cursor.version, since: cursor.since, failed: [...cursor.failed] });
  }

  close(): void {
    this.db.close();
  }
}

/** Erases the user's rotation cursors (logout). */
export function deleteRotationDb(userId: string): Promise<void> {
  return deleteDB(rotationDbName(userId));
}

/**
 * A stored value this version can use. Anything else (written by a future version, damaged) is
 * treated as no cursor: the pass starts again from the beginning, which the server's rules make
 * harmless (finished records are no longer listed), only slower.
 */
function isCursor(value: unknown, kind: KeyKind): value is RotationCursor {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RotationCursor>;
  return (
    v.kind === kind &&
    Number.isSafeInteger(v.version) &&
    Number.isSafeInteger(v.since) &&
    (v.since ?? -1) >= 0 &&
    Array.isArray(v.failed) &&
    v.failed.every((item) => typeof item === 'string')
  );
}
