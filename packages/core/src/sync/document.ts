// The plaintext of a record and how local edits change it. Every field carries the stamp of its
// last change so that merging two concurrent versions picks the same winner on every device.
import type { Clock } from '../ports.ts';
import { canonicalJson, hasOwn, jsonEqual, ownValue, setOwn } from './json.ts';
import { isoFromMs } from './time.ts';
import type { Json, RecordDocument } from './types.ts';

/**
 * "<ISO-8601 ms time>|<user id>": compared as text, a later time wins and the user id breaks
 * ties between two edits in the same millisecond.
 */
export function makeStamp(clock: Clock, userId: string): string {
  return `${isoFromMs(clock.now())}|${userId}`;
}

export function emptyDocument(): RecordDocument {
  return { fields: {}, stamps: {} };
}

/**
 * Applies a form's values. Only fields whose value really changes get the new stamp: saving a
 * form untouched must not make its fields win later conflicts they had no part in.
 * `null` is a value (a cleared field); fields are never removed from a document.
 */
export function applyEdit(doc: RecordDocument, patch: Record<string, Json>, stamp: string): RecordDocument {
  const fields = copyMap(doc.fields);
  const stamps = copyMap(doc.stamps);
  for (const key of Object.keys(patch)) {
    const value = patch[key] as Json;
    if (hasOwn(fields, key) && jsonEqual(fields[key] as Json, value)) continue;
    setOwn(fields, key, value);
    setOwn(stamps, key, stamp);
  }
  return { fields, stamps };
}

/** Same fields, same values and same stamps. */
export function documentsEqual(a: RecordDocument, b: RecordDocument): boolean {
  return canonicalJson(a.fields) === canonicalJson(b.fields) && canonicalJson(a.stamps) === canonicalJson(b.stamps);
}

function copyMap<T>(map: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map)) setOwn(out, key, ownValue(map, key) as T);
  return out;
}
