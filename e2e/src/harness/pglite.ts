// PGlite is single-process: its data folder is read only after the server that owns it stopped.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { dumpAllTables, type TableDump } from './table-dump.ts';

/** The PGlite data folder is the one holding PG_VERSION, at DATA_DIR or below it. */
export function findPgliteDataDir(root: string, depth = 3): string | undefined {
  if (existsSync(join(root, 'PG_VERSION'))) return root;
  if (depth === 0 || !existsSync(root)) return undefined;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const found = findPgliteDataDir(join(root, entry.name), depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export async function dumpPglite(dataDir: string): Promise<TableDump[]> {
  const folder = findPgliteDataDir(dataDir);
  if (folder === undefined) throw new Error(`no PGlite data folder (PG_VERSION) under ${dataDir}`);
  const db = await PGlite.create(folder);
  try {
    return await dumpAllTables(db);
  } finally {
    await db.close();
  }
}
