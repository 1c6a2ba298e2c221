// The e2e suite proves things only a real browser and real databases can prove: when a piece is
// missing it must fail loudly, never skip, or a green run would hide that nothing was checked.
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { AXE_PATH, CHROMIUM_PATH, POSTGRES_ADMIN_URL, WEB_DIST } from './paths.ts';

export function requireChromium(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install chromium).`);
  }
}

export function requireAxe(): void {
  if (!existsSync(AXE_PATH)) throw new Error(`${AXE_PATH} is missing: run npm ci.`);
}

export function requireWebBuild(): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run build -w @relais/web\` first.`);
  }
}

export async function requirePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${String(error)}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
