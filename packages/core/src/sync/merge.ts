// Three-way merge of record documents, field by field, against the last synced base.
//
// Rules (docs/decisions/003-sync-and-merge.md):
// - A field absent from one side means "unchanged from the base" on that side: documents only
//   grow fields, and `null` is an ordinary value (a cleared field).
// - Changed on one side only (by value): that side's value and stamp.
// - Changed on both sides to the same value: that value with the later stamp.
// - Changed on both sides to different values: the later stamp wins; equal stamps fall back to
//   the order of the canonical JSON text. The loser is returned in `setAside`.
// Nothing depends on which side is local, so every device computes the same result.
// Field values are atomic: an object or array is compared and kept as a whole.
import { emptyDocument } from './document.ts';
import { canonicalJson, compareText, hasOwn, jsonEqual, ownValue, setOwn } from './json.ts';
import type { Json, RecordDocument } from './types.ts';

export interface SetAside {
  field: string;
  /** The losing value, which the engine keeps in a `history` record. */
  value: Json;
  stamp: string;
  keptValue: Json;
  keptStamp: string;
}

export interface MergeResult {
  merged: RecordDocument;
  setAside: SetAside[];
}

interface Entry {
  value: Json;
  stamp: string;
}

export function mergeDocuments(base: RecordDocument | null, local: RecordDocument, remote: RecordDocument): MergeResult {
  const ancestor = base ?? emptyDocument();
  const merged = emptyDocument();
  const setAside: SetAside[] = [];
  for (const field of fieldNames(ancestor, local, remote)) {
    const b = entry(ancestor, field);
    const l = entry(local, field) ?? b;
    const r = entry(remote, field) ?? b;
    let kept: Entry | undefined;
    if (sameValue(l, r)) kept = laterStamp(l, r);
    else if (sameValue(r, b)) kept = l;
    else if (sameValue(l, b)) kept = r;
    else {
      // Both sides changed the field to different values (both are defined here).
      const [winner, loser] = ranked(l as Entry, r as Entry);
      kept = winner;
      setAside.push({ field, value: loser.value, stamp: loser.stamp, keptValue: winner.value, keptStamp: winner.stamp });
    }
    if (kept === undefined) continue;
    setOwn(merged.fields, field, kept.value);
    setOwn(merged.stamps, field, kept.stamp);
  }
  return { merged, setAside };
}

/**
 * Whether the merged record stays deleted when only one side deleted it. A deletion wins unless
 * the other side changed a field since the base: then the record comes back with the merged
 * content, because hiding someone's concurrent edit would lose what they typed without a trace.
 */
export function mergeDeleted(
  base: RecordDocument | null,
  local: { document: RecordDocument; deleted: boolean },
  remote: { document: RecordDocument; deleted: boolean },
): boolean {
  if (local.deleted === remote.deleted) return local.deleted;
  const survivor = local.deleted ? remote.document : local.document;
  return !changedSince(base ?? emptyDocument(), survivor);
}

/** True when `doc` holds a field value that differs from the base (a new field counts). */
export function changedSince(base: RecordDocument, doc: RecordDocument): boolean {
  return Object.keys(doc.fields).some((field) => !sameValue(entry(doc, field), entry(base, field)));
}

/**
 * The base to merge against when this device sent states of the record without learning whether
 * the server applied them (`sent`). A remote field whose value and stamp appear in one of those
 * states came from this device's own past, and the local version was edited on top of it: it is
 * taken into the base, so the merge sees "unchanged on the remote side" and keeps the local value
 * instead of reporting a conflict with oneself. Stamps carry the time and author of an edit,
 * so a match cannot come from another edit.
 */
export function baseWithSentValues(base: RecordDocument | null, remote: RecordDocument, sent: RecordDocument[]): RecordDocument | null {
  let adjusted: RecordDocument | null = null;
  for (const field of Object.keys(remote.fields)) {
    const theirs = entry(remote, field);
    const known = sent.some((doc) => {
      const ours = entry(doc, field);
      return ours !== undefined && theirs !== undefined && ours.stamp !== '' && ours.stamp === theirs.stamp && sameValue(ours, theirs);
    });
    if (!known || theirs === undefined) continue;
    adjusted ??= copyDocument(base ?? emptyDocument());
    setOwn(adjusted.fields, field, theirs.value);
    setOwn(adjusted.stamps, field, theirs.stamp);
  }
  return adjusted ?? base;
}

function copyDocument(doc: RecordDocument): RecordDocument {
  const out = emptyDocument();
  for (const field of Object.keys(doc.fields)) {
    const e = entry(doc, field);
    if (!e) continue;
    setOwn(out.fields, field, e.value);
    if (hasOwn(doc.stamps, field)) setOwn(out.stamps, field, e.stamp);
  }
  return out;
}

function fieldNames(...docs: RecordDocument[]): string[] {
  const names = new Set<string>();
  for (const doc of docs) for (const key of Object.keys(doc.fields)) names.add(key);
  return [...names].sort(compareText);
}

function entry(doc: RecordDocument, field: string): Entry | undefined {
  if (!hasOwn(doc.fields, field)) return undefined;
  return { value: doc.fields[field] as Json, stamp: ownValue(doc.stamps, field) ?? '' };
}

function sameValue(a: Entry | undefined, b: Entry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return jsonEqual(a.value, b.value);
}

function laterStamp(a: Entry | undefined, b: Entry | undefined): Entry | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return compareText(a.stamp, b.stamp) >= 0 ? a : b;
}

/** [winner, loser] of two different values: later stamp, then greater canonical JSON. */
function ranked(a: Entry, b: Entry): [Entry, Entry] {
  const byStamp = compareText(a.stamp, b.stamp);
  const order = byStamp !== 0 ? byStamp : compareText(canonicalJson(a.value), canonicalJson(b.value));
  return order > 0 ? [a, b] : [b, a];
}
