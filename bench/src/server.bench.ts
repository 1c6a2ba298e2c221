// pull.postgres / pull.pglite: the real server (Fastify listening on loopback, fetch from Node)
// serving the whole synthetic organisation in pages of 1,000, against a raw keyset SELECT of the
// same rows on the same database. push100.p50 / push100.p95: batches of 100 new records pushed over
// HTTP on PostgreSQL, against a raw INSERT of 100 rows in one transaction.
//
// The organisation is loaded through the real push endpoint, in batches of 500.
import { uuidv7 } from '@relais/core';
import type { PullResponse } from '@relais/core/protocol';
import { buildApp } from '@relais/server/app';
import { openPglite, openPostgres, type Database } from '@relais/server/db/database';
import { migrate } from '@relais/server/db/migrate';
import { MIGRATIONS } from '@relais/server/migrations/index';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createOrganisation, createOrganisationRequest } from './account.ts';
import { chunks } from './cache.ts';
import { withPostgresDatabase, withTempDir } from './databases.ts';
import { extraRecords, type SyntheticOrganisation } from './generator.ts';
import { loadOrganisation, push } from './load.ts';
import { fmtRange, formatFigure, median, note, percentile, type Want } from './report.ts';
import { createSealer, loadPrimitives, platformRandom, type EncryptedRecord } from './seal.ts';

export const SERVER_FIGURES = ['pull.postgres', 'pull.pglite', 'push100.p50', 'push100.p95'];

const PAGE = 1000;
const PULL_RUNS = 3;
const SLOW_PULL_MS = 30_000;
const PUSH_WARMUP = 10;
const PUSH_REPS = 60;
const PUSH_SIZE = 100;

const random = platformRandom();
const clock = { now: () => Date.now() };

interface Served {
  database: Database;
  app: FastifyInstance;
  baseUrl: string;
  token: string;
}

export async function benchServer(org: SyntheticOrganisation, want: Want): Promise<void> {
  if (want('pull.postgres') || want('push100.p50') || want('push100.p95')) {
    await withPostgresDatabase(async (url) => {
      await serve(org, openPostgres(url), 'postgres', async (s) => {
        await analyzeLikeAutovacuum(s);
        if (want('pull.postgres')) report('pull.postgres', await benchPull(org, s, 'pull.postgres'));
        if (want('push100.p50') || want('push100.p95')) await benchPush(org, s, want);
      });
    });
  }
  if (want('pull.pglite')) {
    await withTempDir(async (dir) => {
      const t0 = performance.now();
      const database = await openPglite(dir);
      note(`PGlite data folder created in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await serve(org, database, 'pglite', async (s) => {
        // PGlite runs no autovacuum: the server as it is serves without planner statistics.
        report('pull.pglite', await benchPull(org, s, 'pull.pglite'));
        const t0 = performance.now();
        await sql`ANALYZE`.execute(s.database.db);
        note(`pglite: ANALYZE took ${(performance.now() - t0).toFixed(0)} ms; the same pull with statistics, for comparison:`);
        await benchPull(org, s, 'pull.pglite (after ANALYZE)');
      });
    });
  }
}

/** Migrates, starts a listening server, creates the organisation and loads its records. */
async function serve(org: SyntheticOrganisation, database: Database, label: string, use: (s: Served) => Promise<void>): Promise<void> {
  let app: FastifyInstance | undefined;
  try {
    await migrate(database.db, MIGRATIONS);
    app = await buildApp({ db: database.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('server address unknown');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const p = await loadPrimitives();
    const token = await createOrganisation(baseUrl, createOrganisationRequest(p, random, org));
    const served = { database, app, baseUrl, token };
    await loadOrganisation(org, served, label);
    await use(served);
  } finally {
    if (app !== undefined) await app.close();
    await database.close();
  }
}

/**
 * A PostgreSQL database that has served an organisation for a while has planner statistics: after
 * a bulk load autovacuum runs ANALYZE within about a minute (autovacuum_naptime). Figures are taken
 * in that steady state, ANALYZE being run here rather than waited for; the page time before it is
 * printed too, because a fresh import meets it.
 */
async function analyzeLikeAutovacuum(s: Served): Promise<void> {
  const before: number[] = [];
  let since = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const response = await fetch(`${s.baseUrl}/api/sync/pull?since=${since}&limit=${PAGE}`, { headers: { authorization: `Bearer ${s.token}` } });
    since = ((await response.json()) as PullResponse).next;
    before.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await sql`ANALYZE`.execute(s.database.db);
  note(`postgres: pull pages of ${PAGE} before ANALYZE took ${fmtRange(before)} ms; ANALYZE took ${(performance.now() - t0).toFixed(0)} ms`);
}

/** Pages of 1,000 over HTTP until `more` is false; returns the number of records received. */
async function pullAll(s: Served): Promise<number> {
  let since = 0;
  let count = 0;
  for (;;) {
    const response = await fetch(`${s.baseUrl}/api/sync/pull?since=${since}&limit=${PAGE}`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    if (!response.ok) throw new Error(`pull: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    count += page.changes.length;
    since = page.next;
    if (!page.more) return count;
  }
}

/** The same rows straight from SQL, keyset pages of 1,000 through the server's own pool. */
async function selectAll(s: Served, organisationId: string): Promise<number> {
  let since = 0;
  let count = 0;
  for (;;) {
    const { rows } = await sql<{ seq: number }>`
      SELECT collection, id, version, seq, key_version, deleted, author_id, updated_at, ciphertext
      FROM records WHERE organisation_id = ${organisationId}::uuid AND seq > ${since}::bigint
      ORDER BY seq LIMIT ${PAGE}::integer
    `.execute(s.database.db);
    count += rows.length;
    if (rows.length < PAGE) return count;
    since = rows[rows.length - 1]!.seq;
  }
}

interface PullFigures {
  http: number[];
  raw: number[];
}

/**
 * Median of PULL_RUNS whole pulls, alternating with the raw select; a single run when one pull
 * takes longer than SLOW_PULL_MS (the un-analysed PGlite case), to stay in the time budget.
 */
async function benchPull(org: SyntheticOrganisation, s: Served, label: string): Promise<PullFigures> {
  const http: number[] = [];
  const raw: number[] = [];
  // Warms PostgreSQL's buffers, the JIT and the keep-alive connection without a whole pull.
  await selectAll(s, org.organisationId);
  await fetch(`${s.baseUrl}/api/sync/pull?since=0&limit=${PAGE}`, { headers: { authorization: `Bearer ${s.token}` } }).then((r) => r.text());
  for (let run = 0; run < PULL_RUNS; run++) {
    let t0 = performance.now();
    const got = await pullAll(s);
    const ms = performance.now() - t0;
    http.push((got * 1000) / ms);
    if (got !== org.count) throw new Error(`${label}: pulled ${got} records, expected ${org.count}`);
    t0 = performance.now();
    const selected = await selectAll(s, org.organisationId);
    raw.push((selected * 1000) / (performance.now() - t0));
    if (selected !== org.count) throw new Error(`${label}: selected ${selected} rows, expected ${org.count}`);
    if (ms > SLOW_PULL_MS) break;
  }
  note(`${label} runs over HTTP (records/s): ${fmtRange(http)}; raw SQL select: ${fmtRange(raw)}`);
  return { http, raw };
}

function report(name: string, { http, raw }: PullFigures): void {
  console.log(
    formatFigure({
      name,
      value: median(http),
      unit: 'records/s',
      baselineValue: median(raw),
      baseline: `raw SQL keyset select ${Math.round(median(raw))} rows/s`,
    }),
  );
}

async function benchPush(org: SyntheticOrganisation, s: Served, want: Want): Promise<void> {
  const sealer = createSealer(await loadPrimitives(), random, org);
  const batches: EncryptedRecord[][] = [];
  for await (const batch of chunks(extraRecords(org, (PUSH_WARMUP + PUSH_REPS) * PUSH_SIZE), PUSH_SIZE)) {
    batches.push(batch.map((r) => sealer.seal(r.collection, r.id, r.document)));
  }
  const pushMs: number[] = [];
  for (const [i, batch] of batches.entries()) {
    const t0 = performance.now();
    await push(s, batch);
    if (i >= PUSH_WARMUP) pushMs.push(performance.now() - t0);
  }

  // Baseline: the same 100 ciphertexts (fresh ids, sequences far above the server's) inserted
  // by one multi-row INSERT in one transaction, with nothing else.
  const authorId = org.memberIds[0]!;
  const rawMs: number[] = [];
  for (const [i, batch] of batches.entries()) {
    const rows = batch.map((r, j) => ({
      organisation_id: org.organisationId,
      collection: r.collection,
      id: uuidv7(clock, random),
      version: 1,
      seq: 1_000_000_000_000 + i * PUSH_SIZE + j,
      key_version: r.keyVersion,
      deleted: false,
      author_id: authorId,
      updated_at: new Date(),
      ciphertext: r.ciphertext,
    }));
    const t0 = performance.now();
    await s.database.db.transaction().execute((trx) => trx.insertInto('records').values(rows).execute());
    if (i >= PUSH_WARMUP) rawMs.push(performance.now() - t0);
  }
  const rawP50 = percentile(rawMs, 50);
  note(
    `push100 ${pushMs.length} batches of ${PUSH_SIZE} over HTTP (ms): min ${Math.min(...pushMs).toFixed(1)}, ` +
      `p50 ${percentile(pushMs, 50).toFixed(1)}, p95 ${percentile(pushMs, 95).toFixed(1)}, max ${Math.max(...pushMs).toFixed(1)}; ` +
      `raw INSERT p50 ${rawP50.toFixed(1)}, p95 ${percentile(rawMs, 95).toFixed(1)}`,
  );
  for (const [name, p] of [
    ['push100.p50', 50],
    ['push100.p95', 95],
  ] as const) {
    if (!want(name)) continue;
    console.log(
      formatFigure({
        name,
        value: percentile(pushMs, p),
        unit: 'ms',
        baselineValue: rawP50,
        baseline: `raw SQL insert of 100 rows in one transaction p50 ${rawP50.toFixed(1)} ms`,
      }),
    );
  }
}
