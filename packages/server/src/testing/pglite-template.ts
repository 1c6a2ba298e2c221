// PGlite for tests without paying initdb + migrations (~5 s) per test file: one migrated data
// folder is dumped once per machine and migration list (a tarball in the temp folder, built under
// a lock by whichever test process needs it first) and every test file loads it in memory (~0.5 s).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { usePglite, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { MIGRATIONS } from '../migrations/index.ts';

const STALE_LOCK_MS = 120_000;

type Template = 'empty' | 'migrated';

function templatePath(template: Template): string {
  const migrations = template === 'migrated' ? MIGRATIONS : [];
  const hash = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  return join(tmpdir(), `relais-pglite-${template}-${hash}.tar`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ensureTemplate(template: Template): Promise<string> {
  const file = templatePath(template);
  const lock = `${file}.lock`;
  while (!existsSync(file)) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another process is building it; a lock left by a killed process is taken over.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(file)) await buildTemplate(file, template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return file;
}

async function buildTemplate(file: string, template: Template): Promise<void> {
  const instance = await PGlite.create();
  const database = usePglite(instance, true);
  try {
    if (template === 'migrated') await migrate(database.db, MIGRATIONS);
    const dump = await instance.dumpDataDir('none');
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    removeStaleTemplates(file, template);
  } finally {
    await database.close();
  }
}

/** Templates of older migration lists (40 MB each) go once they are a day old. */
function removeStaleTemplates(current: string, template: Template): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (path === current || !name.startsWith(`relais-pglite-${template}-`) || !name.endsWith('.tar')) continue;
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 86_400_000) rmSync(path, { force: true });
  }
}

/** A fresh, migrated, in-memory PGlite database; close it when done. */
export async function migratedPglite(): Promise<Database> {
  return load(await ensureTemplate('migrated'));
}

/** A fresh in-memory PGlite database with no migration applied. */
export async function emptyPglite(): Promise<Database> {
  return load(await ensureTemplate('empty'));
}

async function load(file: string): Promise<Database> {
  const instance = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
  return usePglite(instance, true);
}
