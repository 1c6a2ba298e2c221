import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';

const N = Number(process.env.N ?? 30000);
const target = process.argv[2];
let pool: pg.Pool; let lite: PGlite | undefined;
if (target === 'pglite') { lite = await PGlite.create(); pool = new pg.Pool({ ...createPgConfig(lite), max: 1 } as pg.PoolConfig); }
else { const a = new pg.Client('postgres://postgres@127.0.0.1:5432/test'); await a.connect(); await a.query('drop database if exists relais_bench'); await a.query('create database relais_bench'); await a.end(); pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/relais_bench', max: 4 }); }
const org = randomUUID();
await pool.query(`create table rb (organisation_id uuid, collection text, id uuid, version int, seq bigint, key_version int, deleted bool, author_id uuid, updated_at timestamptz, ciphertext bytea, primary key (organisation_id, collection, id))`);
await pool.query(`create table rt (organisation_id uuid, collection text, id uuid, version int, seq bigint, key_version int, deleted bool, author_id uuid, updated_at timestamptz, ciphertext text, primary key (organisation_id, collection, id))`);
await pool.query('create unique index on rb (organisation_id, seq)'); await pool.query('create unique index on rt (organisation_id, seq)');
let t = performance.now();
for (let i = 0; i < N; i += 500) {
  const vals: unknown[] = []; const ph: string[] = [];
  for (let j = 0; j < 500; j++) { const k = vals.length; vals.push(randomUUID(), i + j + 1, randomBytes(1100)); ph.push(`($${k + 1}::uuid, 'person', $${k + 2}::uuid, 1, $${k + 3}::bigint, 1, false, $${k + 2}::uuid, now(), $${k + 4}::bytea)`); vals.splice(k + 1, 0, org); }
  // reorder: org, id, seq, ct
  const v2: unknown[] = []; for (let j = 0; j < 500; j++) { v2.push(org, vals[j*4+0], (vals[j*4+2]), vals[j*4+3]); }
  await pool.query(`insert into rb values ${ph.join(',')}`, v2);
}
await pool.query(`insert into rt select organisation_id, collection, id, version, seq, key_version, deleted, author_id, updated_at, translate(encode(ciphertext,'base64'), E'\\n', '') from rb`);
console.log('insert', (performance.now() - t).toFixed(0));
await pool.query('analyze rb'); await pool.query('analyze rt');

async function run(name: string, page: (since: number) => Promise<{ json: string; next: number; n: number }>) {
  const t0 = performance.now(); let since = 0; let total = 0; let bytes = 0;
  for (;;) { const r = await page(since); total += r.n; bytes += r.json.length; if (r.n === 0) break; since = r.next; }
  const s = (performance.now() - t0) / 1000; console.log(target, name, Math.round(total / s), 'rec/s', (bytes/1e6).toFixed(1), 'MB');
}
const cols = `collection, id, version, seq::int as seq, key_version as "keyVersion", deleted, author_id as "authorId", to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"`;
await run('raw-bytea', async (since) => { const r = await pool.query(`select ${cols}, ciphertext from rb where organisation_id=$1 and seq > $2 order by seq limit 1000`, [org, since]); const rows = r.rows; return { json: 'x'.repeat(rows.length), next: rows.length ? rows[rows.length-1].seq : since, n: rows.length }; });
await run('bytea-encode+stringify', async (since) => { const r = await pool.query(`select ${cols}, translate(encode(ciphertext,'base64'), E'\\n', '') as ciphertext from rb where organisation_id=$1 and seq > $2 order by seq limit 1000`, [org, since]); const rows = r.rows; return { json: JSON.stringify({ changes: rows }), next: rows.length ? rows[rows.length-1].seq : since, n: rows.length }; });
await run('text+stringify', async (since) => { const r = await pool.query(`select ${cols}, ciphertext from rt where organisation_id=$1 and seq > $2 order by seq limit 1000`, [org, since]); const rows = r.rows; return { json: JSON.stringify({ changes: rows }), next: rows.length ? rows[rows.length-1].seq : since, n: rows.length }; });
await run('bytea-buffer-tostring', async (since) => { const r = await pool.query(`select ${cols}, ciphertext from rb where organisation_id=$1 and seq > $2 order by seq limit 1000`, [org, since]); const rows = r.rows; for (const x of rows) x.ciphertext = (x.ciphertext as Buffer).toString('base64'); return { json: JSON.stringify({ changes: rows }), next: rows.length ? rows[rows.length-1].seq : since, n: rows.length }; });
await run('text-sql-json-agg', async (since) => { const r = await pool.query(`select coalesce(string_agg(j, ',' order by seq), '') as j, count(*)::int as n, max(seq)::int as last from (select seq, json_build_object('collection', collection, 'id', id, 'version', version, 'seq', seq, 'keyVersion', key_version, 'deleted', deleted, 'authorId', author_id, 'updatedAt', to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ciphertext', ciphertext)::text as j from rt where organisation_id=$1 and seq > $2 order by seq limit 1000) p`, [org, since]); const row = r.rows[0]; return { json: '{"changes":[' + row.j + ']}', next: row.last ?? since, n: row.n }; });
await run('bytea-sql-json-agg', async (since) => { const r = await pool.query(`select coalesce(string_agg(j, ',' order by seq), '') as j, count(*)::int as n, max(seq)::int as last from (select seq, json_build_object('collection', collection, 'id', id, 'version', version, 'seq', seq, 'keyVersion', key_version, 'deleted', deleted, 'authorId', author_id, 'updatedAt', to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ciphertext', translate(encode(ciphertext,'base64'), E'\\n', ''))::text as j from rb where organisation_id=$1 and seq > $2 order by seq limit 1000) p`, [org, since]); const row = r.rows[0]; return { json: '{"changes":[' + row.j + ']}', next: row.last ?? since, n: row.n }; });
await run('text-stringify-again', async (since) => { const r = await pool.query(`select ${cols}, ciphertext from rt where organisation_id=$1 and seq > $2 order by seq limit 1000`, [org, since]); const rows = r.rows; return { json: JSON.stringify({ changes: rows }), next: rows.length ? rows[rows.length-1].seq : since, n: rows.length }; });
await pool.end(); await lite?.close();
