import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import { organisationRequest, newChange, envelope, call } from '../src/testing/fixtures.ts';
const kind = process.argv[2] as 'pglite' | 'postgres';
const d = await openTestDatabase(kind);
const app = await buildApp({ db: d.db, hashCost: 8 });
const { request } = organisationRequest();
const token = (await call(app, 'POST', '/api/organisations', request)).json<{ session: { token: string } }>().session.token;
for (let i = 0; i < 10000; i += 500) {
  const changes = Array.from({ length: 500 }, () => newChange({ ciphertext: envelope(1, 1024) }));
  await call(app, 'POST', '/api/sync/push', { protocol: 1, changes }, { token });
}
const org = request.organisation.id;
const q = (body: string) => sql.raw(body).execute(d.db);
const r = await q(`EXPLAIN ANALYZE SELECT coalesce(string_agg(item, ',' ORDER BY seq), '') AS items, count(*) AS n, max(seq) AS last
    FROM (SELECT seq, json_build_object('collection', collection, 'id', id, 'version', version, 'seq', seq, 'keyVersion', key_version,
        'deleted', deleted, 'authorId', author_id, 'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ciphertext', ciphertext)::text AS item
      FROM records WHERE organisation_id = '${org}'::uuid AND seq > 5000 AND collection = ANY('{person,history}'::text[]) ORDER BY seq LIMIT 1000) AS page`);
console.log(r.rows.map((x) => Object.values(x as object)[0]).join('\n'));
for (const variant of ['plain', 'noagg', 'nojson']) {
  const t = performance.now();
  for (let s = 0; s < 10000; s += 1000) {
    if (variant === 'plain') await q(`SELECT coalesce(string_agg(item, ',' ORDER BY seq), '') AS items FROM (SELECT seq, json_build_object('collection', collection, 'id', id, 'version', version, 'seq', seq, 'keyVersion', key_version, 'deleted', deleted, 'authorId', author_id, 'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ciphertext', ciphertext)::text AS item FROM records WHERE organisation_id = '${org}'::uuid AND seq > ${s} ORDER BY seq LIMIT 1000) AS page`);
    if (variant === 'noagg') await q(`SELECT seq, json_build_object('collection', collection, 'id', id, 'version', version, 'seq', seq, 'keyVersion', key_version, 'deleted', deleted, 'authorId', author_id, 'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ciphertext', ciphertext)::text AS item FROM records WHERE organisation_id = '${org}'::uuid AND seq > ${s} ORDER BY seq LIMIT 1000`);
    if (variant === 'nojson') await q(`SELECT seq, ciphertext FROM records WHERE organisation_id = '${org}'::uuid AND seq > ${s} ORDER BY seq LIMIT 1000`);
  }
  console.log(kind, variant, Math.round(10000 / ((performance.now() - t) / 1000)));
}
await app.close(); await d.close();
