// Imported first, as main.tsx does: the schemas below are built after the setting.
import './zod-jitless.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PersonFields } from '@relais/core/domain/person';
import { afterEach, describe, expect, it } from 'vitest';

describe('zod on the page', () => {
  const original = globalThis.Function;
  afterEach(() => {
    globalThis.Function = original;
  });

  it('parses without generating code (no `new Function`, the ~20 ms pause of a first parse)', () => {
    let compiled = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args: string[]) {
        compiled++;
        return new target(...args) as object;
      },
    });
    const parsed = PersonFields.safeParse({ name: 'Aïcha' });
    const again = PersonFields.safeParse({ name: 'Aïcha', phone: '06 11 22 33 44' });
    expect(parsed.success || parsed.error.issues.length > 0).toBe(true);
    expect(again.success || again.error.issues.length > 0).toBe(true);
    expect(compiled).toBe(0);
  });

  it('is set before any schema is built: it is main.tsx’s first import', () => {
    const main = readFileSync(join(import.meta.dirname, '..', 'main.tsx'), 'utf8');
    const firstImport = main.split('\n').find((line) => line.startsWith('import '));
    expect(firstImport).toBe("import './app/zod-jitless.ts';");
  });
});
