import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (npm workspaces), where the server is started from. */
export const REPO_ROOT = resolve(here, '..', '..', '..');
export const E2E_ROOT = join(REPO_ROOT, 'e2e');
/** Screenshots, server logs and dumps; gitignored, kept after the run for a human to look at. */
export const ARTIFACTS_DIR = join(E2E_ROOT, 'artifacts');
export const WEB_DIST = join(REPO_ROOT, 'packages', 'web', 'dist');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const AXE_PATH = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function artifactDir(...parts: string[]): string {
  const dir = join(ARTIFACTS_DIR, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
