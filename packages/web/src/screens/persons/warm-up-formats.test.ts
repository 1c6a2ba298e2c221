import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpFileFormats } from './warm-up-formats.ts';

const proto = Intl.DateTimeFormat.prototype;
const formatGetter = Object.getOwnPropertyDescriptor(proto, 'format')!;

describe('warmUpFileFormats', () => {
  afterEach(() => {
    Object.defineProperty(proto, 'format', formatGetter);
    vi.restoreAllMocks();
  });

  it("formats a date with each of the file's French formats and reads a local time", () => {
    // `format` is a getter giving a bound function: who asks for it is the format used.
    const used = new Set<string>();
    Object.defineProperty(proto, 'format', {
      ...formatGetter,
      get(this: Intl.DateTimeFormat) {
        used.add(JSON.stringify(this.resolvedOptions()));
        return formatGetter.get!.call(this) as unknown;
      },
    });
    const parts = vi.spyOn(proto, 'formatToParts');
    warmUpFileFormats(new Date('2026-11-25T09:30:00.000Z'));
    // The long, weekday and short day formats (two modules format days alike: one ICU format each).
    expect(used.size).toBeGreaterThanOrEqual(3);
    // A local time in the organisation's time zone: its zone's rules are loaded too.
    expect(parts).toHaveBeenCalled();
  });
});
