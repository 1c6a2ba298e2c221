import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, documentsEqual, emptyDocument, makeStamp } from './document.ts';
import { isoFromMs } from './time.ts';

describe('isoFromMs', () => {
  it('matches the platform ISO format over years 0000 to 9999', () => {
    const min = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
    const max = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
    expect(new Date(min).toISOString()).toBe('0000-01-01T00:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        expect(isoFromMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
    for (const ms of [min, -1, 0, 951_782_400_000 /* 2000-02-29 */, 4_107_542_400_000 /* 2100-03-01 */, max]) {
      expect(isoFromMs(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('sorts as text like the times it encodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.integer({ min: 0, max: 253_402_300_799_999 }), (a, b) => {
        expect(Math.sign(a - b)).toBe(isoFromMs(a) < isoFromMs(b) ? -1 : isoFromMs(a) > isoFromMs(b) ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('makeStamp', () => {
  it('is "<ISO ms>|<user id>"', () => {
    expect(makeStamp({ now: () => 1_700_000_000_123 }, 'u-1')).toBe('2023-11-14T22:13:20.123Z|u-1');
  });
});

describe('applyEdit', () => {
  const s1 = 't1|u';
  const s2 = 't2|u';

  it('stamps only the fields whose value changes', () => {
    const first = applyEdit(emptyDocument(), { name: 'Ana', phone: null }, s1);
    expect(first).toEqual({ fields: { name: 'Ana', phone: null }, stamps: { name: s1, phone: s1 } });
    const second = applyEdit(first, { name: 'Ana', phone: '06', tags: { a: 1 } }, s2);
    expect(second).toEqual({ fields: { name: 'Ana', phone: '06', tags: { a: 1 } }, stamps: { name: s1, phone: s2, tags: s2 } });
    // Same object with another key order is not a change.
    expect(applyEdit(second, { tags: { a: 1 } }, 't3').stamps.tags).toBe(s2);
  });

  it('returns a new document and leaves the input alone', () => {
    const doc = applyEdit(emptyDocument(), { a: 1 }, s1);
    const snapshot = JSON.stringify(doc);
    const next = applyEdit(doc, { a: 2 }, s2);
    expect(JSON.stringify(doc)).toBe(snapshot);
    expect(next).not.toBe(doc);
    expect(next.fields.a).toBe(2);
  });

  it('treats null as a value distinct from an absent field', () => {
    const doc = applyEdit(emptyDocument(), { gone: null }, s1);
    expect(Object.keys(doc.fields)).toEqual(['gone']);
    expect(applyEdit(doc, { gone: null }, s2).stamps.gone).toBe(s1);
  });

  it('keeps a field named __proto__ as data', () => {
    const patch = JSON.parse('{"__proto__": "x", "constructor": 1}') as Record<string, string | number>;
    const doc = applyEdit(emptyDocument(), patch, s1);
    expect(Object.keys(doc.fields).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(doc.fields)).toBe(Object.prototype);
    expect(documentsEqual(JSON.parse(JSON.stringify(doc)) as typeof doc, doc)).toBe(true);
  });
});

describe('documentsEqual', () => {
  it('compares values and stamps, not key order', () => {
    const a = { fields: { x: 1, y: { p: 1, q: 2 } }, stamps: { x: 's', y: 's' } };
    const b = { fields: { y: { q: 2, p: 1 }, x: 1 }, stamps: { y: 's', x: 's' } };
    expect(documentsEqual(a, b)).toBe(true);
    expect(documentsEqual(a, { ...b, stamps: { x: 's', y: 't' } })).toBe(false);
    expect(documentsEqual(a, { ...b, fields: { x: 1, y: null } })).toBe(false);
  });
});
