import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type Collection } from '../collections.ts';
import type { Json } from '../sync/types.ts';
import { DOMAIN, readFields, validateFields } from './registry.ts';
import { labelOf, summarise } from './summaries.ts';
import { PERSON_1, TEAM_A } from './test-support.ts';

const ENGLISH = /\b(Invalid|expected|received|Too (big|small)|Unrecognized|must)\b/;

describe('the domain registry', () => {
  it('covers every collection of the protocol', () => {
    expect(Object.keys(DOMAIN).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it.each(COLLECTION_NAMES)('%s: an empty document summarises, labels, and every field has a French label', (collection: Collection) => {
    const empty = DOMAIN[collection].empty();
    expect(() => summarise(collection, empty)).not.toThrow();
    expect(typeof labelOf(collection, empty)).toBe('string');
    for (const field of Object.keys(empty)) expect(DOMAIN[collection].fieldLabels[field], field).toBeTruthy();
  });

  it('answers in French whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTION_NAMES), fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())), (collection, value) => {
        const result = validateFields(collection, value);
        if (!result.ok) for (const message of Object.values(result.errors)) expect(message).not.toMatch(ENGLISH);
      }),
      { numRuns: 500 },
    );
  });

  it('answers in French about each field of a mistyped document', () => {
    for (const collection of COLLECTION_NAMES) {
      const empty = DOMAIN[collection].empty() as unknown as Record<string, unknown>;
      const wrong = Object.fromEntries(Object.keys(empty).map((k) => [k, typeof empty[k] === 'string' ? 42 : 'x']));
      const result = validateFields(collection, wrong);
      expect(result.ok, collection).toBe(false);
      if (!result.ok) for (const message of Object.values(result.errors)) expect(message, `${collection}: ${message}`).not.toMatch(ENGLISH);
    }
    for (const kind of ['change', 'conflict']) {
      const result = validateFields('history', { kind, recordCollection: 42, recordId: 42, field: 42, at: 42, by: 42, keptStamp: 42, before: () => 1 });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(Object.keys(result.errors).length).toBeGreaterThan(3);
        for (const message of Object.values(result.errors)) expect(message).not.toMatch(ENGLISH);
      }
    }
  });

  it('recognises zod’s own English messages (so the checks above can fail)', () => {
    expect('Invalid input: expected string, received number').toMatch(ENGLISH);
  });
});

describe('readFields', () => {
  it('fills missing and mistyped fields with defaults and keeps unknown ones', () => {
    const person = readFields('person', { name: 'Hélène', teamIds: [TEAM_A, 3], highlyVulnerable: 'oui', customField: 'gardé', createdAt: '2026-11-23T10:00:00.000Z' });
    expect(person).toMatchObject({ name: 'Hélène', otherNames: '', teamIds: [TEAM_A], highlyVulnerable: false, outOfActiveListReasons: [] });
    expect(person).toHaveProperty('customField', 'gardé');
    expect(summarise('person', person).createdAt).toBe('2026-11-23T10:00:00.000Z');
    expect(readFields('observation', { personsMet: { women: 2 } }).personsMet).toEqual({ women: 2, men: 0, other: 0 });
    expect(readFields('settings', {}).services).toContain('Café');
  });

  it('reads conflict history records as conflicts', () => {
    const h = readFields('history', { kind: 'conflict', recordCollection: 'person', recordId: PERSON_1, field: 'phone', keptValue: '1', setAsideValue: '2' });
    expect(h).toMatchObject({ kind: 'conflict', keptValue: '1', setAsideValue: '2', keptStamp: '' });
  });

  it('always gives something every summary and label can read (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTION_NAMES), fc.dictionary(fc.string(), fc.jsonValue() as fc.Arbitrary<Json>), (collection, raw) => {
        const fields = readFields(collection, raw);
        expect(() => summarise(collection, fields)).not.toThrow();
        expect(typeof labelOf(collection, fields)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
