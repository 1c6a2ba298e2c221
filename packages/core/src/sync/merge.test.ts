import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from './document.ts';
import { canonicalJson, hasOwn, jsonEqual, setOwn } from './json.ts';
import { baseWithSentValues, mergeDeleted, mergeDocuments, type SetAside } from './merge.ts';
import type { Json, RecordDocument } from './types.ts';

// A document written as { field: [value, stamp] }. Stamps only need to sort as text here.
type Doc = Record<string, [Json, string]>;

function doc(spec: Doc): RecordDocument {
  const out = emptyDocument();
  for (const [field, [value, stamp]] of Object.entries(spec)) {
    setOwn(out.fields, field, value);
    setOwn(out.stamps, field, stamp);
  }
  return out;
}

// One row per case, in the spirit of excalidraw's reconcile tests:
// [name, base (null: never synced), local, remote, expected merged, expected set-aside { field: value }]
type Row = [string, Doc | null, Doc, Doc, Doc, Record<string, Json>];

// prettier-ignore
const rows: Row[] = [
  ['nothing changed',                   { a: ['x', 't0'] }, { a: ['x', 't0'] },           { a: ['x', 't0'] },           { a: ['x', 't0'] },                         {}],
  ['changed on one side',               { a: ['x', 't0'] }, { a: ['y', 't1'] },           { a: ['x', 't0'] },           { a: ['y', 't1'] },                         {}],
  ['different fields on each side',     { a: ['x', 't0'], b: ['p', 't0'] }, { a: ['y', 't1'], b: ['p', 't0'] }, { a: ['x', 't0'], b: ['q', 't2'] }, { a: ['y', 't1'], b: ['q', 't2'] }, {}],
  ['same value on both sides',          { a: ['x', 't0'] }, { a: ['y', 't1'] },           { a: ['y', 't2'] },           { a: ['y', 't2'] },                         {}],
  ['same field, later stamp wins',      { a: ['x', 't0'] }, { a: ['y', 't1'] },           { a: ['z', 't2'] },           { a: ['z', 't2'] },                         { a: 'y' }],
  ['same field, local is later',        { a: ['x', 't0'] }, { a: ['y', 't3'] },           { a: ['z', 't2'] },           { a: ['y', 't3'] },                         { a: 'z' }],
  ['same millisecond: user id decides', { a: ['x', 't0'] }, { a: ['y', 't1|bob'] },       { a: ['z', 't1|alice'] },     { a: ['y', 't1|bob'] },                     { a: 'z' }],
  ['equal stamps: JSON order decides',  { a: ['x', 't0'] }, { a: ['y', 't1'] },           { a: ['z', 't1'] },           { a: ['z', 't1'] },                         { a: 'y' }],
  ['equal stamps, number vs string',    { a: ['x', 't0'] }, { a: [1, 't1'] },             { a: ['1', 't1'] },           { a: [1, 't1'] },                           { a: '1' }],
  ['never synced, both created field',  null,               { a: ['x', 't1'] },           { a: ['y', 't2'] },           { a: ['y', 't2'] },                         { a: 'x' }],
  ['never synced, different fields',    null,               { a: ['x', 't1'] },           { b: ['y', 't2'] },           { a: ['x', 't1'], b: ['y', 't2'] },         {}],
  ['new field on one side',             { a: ['x', 't0'] }, { a: ['x', 't0'], b: ['n', 't1'] }, { a: ['x', 't0'] },     { a: ['x', 't0'], b: ['n', 't1'] },         {}],
  ['absent means unchanged',            { a: ['x', 't0'] }, {},                           { a: ['z', 't2'] },           { a: ['z', 't2'] },                         {}],
  ['absent on both sides keeps base',   { a: ['x', 't0'] }, {},                           {},                           { a: ['x', 't0'] },                         {}],
  ['cleared to null on one side',       { a: ['x', 't0'] }, { a: [null, 't1'] },          { a: ['x', 't0'] },           { a: [null, 't1'] },                        {}],
  ['cleared vs changed: stamps decide', { a: ['x', 't0'] }, { a: [null, 't3'] },          { a: ['z', 't2'] },           { a: [null, 't3'] },                        { a: 'z' }],
  ['null differs from absent',          null,               { a: [null, 't1'] },          {},                           { a: [null, 't1'] },                        {}],
  ['edited back to base value',         { a: ['x', 't0'] }, { a: ['x', 't5'] },           { a: ['z', 't2'] },           { a: ['z', 't2'] },                         {}],
  ['unchanged values, newer stamp kept', { a: ['x', 't0'] }, { a: ['x', 't5'] },           { a: ['x', 't2'] },           { a: ['x', 't5'] },                         {}],
  ['objects are atomic',                { a: [{ k: 1 }, 't0'] }, { a: [{ k: 2 }, 't1'] }, { a: [{ k: 3 }, 't2'] },     { a: [{ k: 3 }, 't2'] },                    { a: { k: 2 } }],
  ['object key order is not a change',  { a: [{ x: 1, y: 2 }, 't0'] }, { a: [{ y: 2, x: 1 }, 't0'] }, { a: [{ x: 1, y: 3 }, 't2'] }, { a: [{ x: 1, y: 3 }, 't2'] }, {}],
  ['arrays are atomic',                 { a: [[1, 2], 't0'] }, { a: [[1, 2, 3], 't1'] },   { a: [[2], 't2'] },          { a: [[2], 't2'] },                         { a: [1, 2, 3] }],
  ['missing stamp loses',               { a: ['x', 't0'] }, { a: ['y', ''] },             { a: ['z', 't1'] },           { a: ['z', 't1'] },                         { a: 'y' }],
  ['field named __proto__',             { ['__proto__']: ['x', 't0'] }, { ['__proto__']: ['y', 't1'] }, { ['__proto__']: ['z', 't2'] }, { ['__proto__']: ['z', 't2'] }, { ['__proto__']: 'y' }],
  ['mixed: conflict, local, remote',    { a: ['x', 't0'], b: ['p', 't0'], c: ['u', 't0'] }, { a: ['y', 't4'], b: ['q', 't1'], c: ['u', 't0'] }, { a: ['z', 't3'], b: ['p', 't0'], c: ['v', 't2'] }, { a: ['y', 't4'], b: ['q', 't1'], c: ['v', 't2'] }, { a: 'z' }],
];

function asideMap(setAside: SetAside[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const item of setAside) setOwn(out, item.field, item.value);
  return out;
}

/** Every set-aside entry of `later` already appears in `earlier`. */
function expectNothingNewAside(later: SetAside[], earlier: SetAside[]): void {
  for (const item of later) expect(earlier.some((e) => canonicalJson({ ...e }) === canonicalJson({ ...item }))).toBe(true);
}

function checkConvergenceAndIdempotence(base: RecordDocument | null, local: RecordDocument, remote: RecordDocument) {
  const forward = mergeDocuments(base, local, remote);
  const swapped = mergeDocuments(base, remote, local);
  expect(swapped.merged).toEqual(forward.merged);
  expect(asideMap(swapped.setAside)).toEqual(asideMap(forward.setAside));
  for (const side of [local, remote]) {
    for (const again of [mergeDocuments(base, forward.merged, side), mergeDocuments(base, side, forward.merged)]) {
      expect(again.merged).toEqual(forward.merged);
      expectNothingNewAside(again.setAside, forward.setAside);
    }
    // The engine's next merge uses the server version as base and the merged one as local.
    const next = mergeDocuments(side, forward.merged, side);
    expect(next.merged).toEqual(forward.merged);
    expect(next.setAside).toEqual([]);
  }
  const self = mergeDocuments(base, forward.merged, forward.merged);
  expect(self.merged).toEqual(forward.merged);
  expect(self.setAside).toEqual([]);
  return forward;
}

describe('mergeDocuments: table', () => {
  it.each(rows)('%s', (_name, base, local, remote, expected, aside) => {
    const result = checkConvergenceAndIdempotence(base && doc(base), doc(local), doc(remote));
    expect(result.merged).toEqual(doc(expected));
    expect(asideMap(result.setAside)).toEqual(aside);
    for (const item of result.setAside) {
      expect(item.keptValue).toEqual(result.merged.fields[item.field]);
      expect(item.keptStamp).toBe(result.merged.stamps[item.field]);
    }
  });

  it('does not mutate its inputs', () => {
    const base = doc({ a: ['x', 't0'] });
    const local = doc({ a: ['y', 't1'] });
    const remote = doc({ a: ['z', 't2'], b: ['n', 't2'] });
    const before = JSON.stringify([base, local, remote]);
    mergeDocuments(base, local, remote);
    expect(JSON.stringify([base, local, remote])).toBe(before);
  });
});

describe('mergeDeleted', () => {
  const base = doc({ a: ['x', 't0'] });
  const same = doc({ a: ['x', 't0'] });
  const edited = doc({ a: ['y', 't1'] });
  // [name, local deleted, local doc, remote deleted, remote doc, expected deleted]
  // prettier-ignore
  const cases: [string, boolean, RecordDocument, boolean, RecordDocument, boolean][] = [
    ['neither deleted',                  false, edited, false, same,   false],
    ['both deleted',                     true,  same,   true,  edited, true],
    ['deleted, other side untouched',    true,  same,   false, same,   true],
    ['deleted, other side edited',       true,  same,   false, edited, false],
  ];
  it.each(cases)('%s (and swapped)', (_name, localDeleted, localDoc, remoteDeleted, remoteDoc, expected) => {
    const local = { document: localDoc, deleted: localDeleted };
    const remote = { document: remoteDoc, deleted: remoteDeleted };
    expect(mergeDeleted(base, local, remote)).toBe(expected);
    expect(mergeDeleted(base, remote, local)).toBe(expected);
  });
});

describe('baseWithSentValues', () => {
  const remote = doc({ a: ['sent', 't1|me'], b: ['theirs', 't2|other'], c: ['same', 't0'] });

  it('takes into the base the remote values this device sent, matched by value and stamp', () => {
    const sent = [doc({ a: ['sent', 't1|me'], b: ['theirs', 't1|me'], c: ['same', ''] })];
    const base = baseWithSentValues(doc({ a: ['x', 't0'], c: ['same', 't0'] }), remote, sent);
    expect(base).toEqual(doc({ a: ['sent', 't1|me'], c: ['same', 't0'] }));
    // The local edit made on top of the sent state then simply wins, with nothing set aside.
    const local = doc({ a: ['again', 't3|me'], c: ['same', 't0'] });
    expect(mergeDocuments(base, local, remote)).toEqual({ merged: doc({ a: ['again', 't3|me'], b: ['theirs', 't2|other'], c: ['same', 't0'] }), setAside: [] });
  });

  it('leaves the base alone when nothing matches, even a never-synced (null) one', () => {
    expect(baseWithSentValues(null, remote, [])).toBeNull();
    expect(baseWithSentValues(null, remote, [doc({ a: ['sent', 't9|me'] })])).toBeNull();
    expect(baseWithSentValues(null, remote, [doc({ a: ['sent', 't1|me'] })])).toEqual(doc({ a: ['sent', 't1|me'] }));
  });
});

// Property tests. Values go through JSON as they do through the codec (so no -0), with a few
// small constants mixed in so that equal values and equal stamps are frequent.
const FIELDS = ['a', 'b', 'c', 'd', '__proto__', 'constructor'];
const fieldArb = fc.constantFrom(...FIELDS);
const valueArb: fc.Arbitrary<Json> = fc
  .oneof(fc.constantFrom<Json>('x', 'y', null, 0, 1, '1', [], {}), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>)
  .map((v) => JSON.parse(JSON.stringify(v)) as Json);
const stampArb = fc.constantFrom('t1', 't2', 't3', 't2|alice', 't2|bob', '');
const editArb = fc.record({ field: fieldArb, drop: fc.constant(false), value: valueArb, stamp: stampArb });
const editsArb = fc.array(fc.oneof({ weight: 9, arbitrary: editArb }, { weight: 1, arbitrary: fieldArb.map((field) => ({ field, drop: true, value: null, stamp: '' })) }), { maxLength: 6 });

function edited(from: RecordDocument, edits: { field: string; drop: boolean; value: Json; stamp: string }[]): RecordDocument {
  const out = emptyDocument();
  for (const field of Object.keys(from.fields)) {
    setOwn(out.fields, field, from.fields[field] as Json);
    if (hasOwn(from.stamps, field)) setOwn(out.stamps, field, from.stamps[field] as string);
  }
  for (const e of edits) {
    if (e.drop) {
      // An old document that never had the field (documents only grow, but merge must cope).
      delete out.fields[e.field];
      delete out.stamps[e.field];
    } else {
      setOwn(out.fields, e.field, e.value);
      setOwn(out.stamps, e.field, e.stamp);
    }
  }
  return out;
}

const caseArb = fc
  .record({ hasBase: fc.boolean(), base: editsArb, local: editsArb, remote: editsArb })
  .map(({ hasBase, base, local, remote }) => {
    const ancestor = edited(emptyDocument(), base);
    return { base: hasBase ? ancestor : null, local: edited(hasBase ? ancestor : emptyDocument(), local), remote: edited(hasBase ? ancestor : emptyDocument(), remote) };
  });

const NUM_RUNS = 500;

describe('mergeDocuments: properties', () => {
  it('converges and is idempotent', () => {
    fc.assert(
      fc.property(caseArb, ({ base, local, remote }) => {
        checkConvergenceAndIdempotence(base, local, remote);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps every value typed on either side, in the result or set aside', () => {
    fc.assert(
      fc.property(caseArb, ({ base, local, remote }) => {
        const { merged, setAside } = mergeDocuments(base, local, remote);
        const ancestor = base ?? emptyDocument();
        for (const side of [local, remote]) {
          for (const field of Object.keys(side.fields)) {
            const value = side.fields[field] as Json;
            const typed = !hasOwn(ancestor.fields, field) || !jsonEqual(ancestor.fields[field] as Json, value);
            if (!typed) continue;
            const kept = hasOwn(merged.fields, field) && jsonEqual(merged.fields[field] as Json, value);
            const aside = setAside.some((item) => item.field === field && jsonEqual(item.value, value));
            expect(kept || aside).toBe(true);
          }
        }
        // Only real disagreements are set aside, each against the value that was kept.
        for (const item of setAside) {
          expect(jsonEqual(item.value, item.keptValue)).toBe(false);
          expect(merged.fields[item.field]).toEqual(item.keptValue);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
