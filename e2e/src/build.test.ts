// The built app as the browser gets it (npm run test:e2e builds it first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/paths.ts';

const ASSETS = join(REPO_ROOT, 'packages', 'web', 'dist', 'assets');
const HINT = '//# allFunctionsCalledOnLoad';

describe('the built chunks', () => {
  const chunks = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));

  it('ask V8 to compile the app’s own code eagerly, libsodium’s lazily (vite.config.ts eagerCompile)', () => {
    const own = chunks.filter((file) => !file.includes('libsodium'));
    expect(own.length).toBeGreaterThan(10);
    for (const file of own) expect(readFileSync(join(ASSETS, file), 'utf8').split('\n', 1)[0], file).toBe(HINT);
    for (const file of chunks.filter((f) => f.includes('libsodium'))) expect(readFileSync(join(ASSETS, file), 'utf8').startsWith(HINT), file).toBe(false);
  });

  it('keep source maps in line with the code: one mapping line per code line but the last (sourceMappingURL), none for the hint', () => {
    let mapped = 0;
    for (const file of chunks) {
      const mapFile = join(ASSETS, `${file}.map`);
      if (!existsSync(mapFile)) continue;
      mapped += 1;
      const lines = readFileSync(join(ASSETS, file), 'utf8').split('\n');
      const groups = (JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string }).mappings.split(';');
      expect(groups.length, file).toBe(lines.length - 1);
      if (lines[0] === HINT) expect(groups[0], file).toBe('');
    }
    expect(mapped).toBeGreaterThan(10);
  });
});
