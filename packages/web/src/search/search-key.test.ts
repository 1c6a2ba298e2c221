import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseForSearch, personSearchKey as corePersonSearchKey } from '@relais/core/domain/search';
import { normaliseSearchText, personSearchKey } from './search-key.ts';

describe('normaliseSearchText', () => {
  it('gives exactly what core gives, ASCII fast path or not', () => {
    for (const text of ['Jean-Marc  ÉMERY', "d'Artagnan", 'Œuvre Lætitia', 'Noël Çağlar', '  06.12 ', 'ABC_def', '']) {
      expect(normaliseSearchText(text)).toBe(normaliseForSearch(text));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (ascii, any) => {
        expect(normaliseSearchText(ascii)).toBe(normaliseForSearch(ascii));
        expect(normaliseSearchText(any)).toBe(normaliseForSearch(any));
      }),
    );
  });

  it('builds the same person key as core', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 20 }), (name, otherNames, phone) => {
        const mine = personSearchKey({ name, otherNames, phone });
        const core = corePersonSearchKey({ name, otherNames, phone });
        expect([mine.text, mine.phone]).toEqual([core.text, core.phone]);
        expect(mine.name).toBe(normaliseForSearch(name));
      }),
    );
  });
});
