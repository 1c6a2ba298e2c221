import { describe, expect, it } from 'vitest';
import { fromWire, LockedError, toWire } from './errors.ts';

describe('errors across the Worker boundary', () => {
  it('a lock keeps whether the request was refused before it ran (only then may it be sent again)', () => {
    for (const untouched of [true, false]) {
      const back = fromWire(structuredClone(toWire(new LockedError(untouched))));
      expect(back).toBeInstanceOf(LockedError);
      expect((back as LockedError).untouched).toBe(untouched);
    }
    expect(new LockedError().untouched).toBe(false);
  });
});
