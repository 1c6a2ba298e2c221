import { buildApp } from '../src/app.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import { organisationRequest, newChange, envelope, call } from '../src/testing/fixtures.ts';
import { pullPage } from '../src/sync/pull.ts';
import { findActor } from '../src/auth/sessions.ts';
const kind = process.argv[2] as 'pglite' | 'postgres';
const N = 10000;
const d = await openTestDatabase(kind);
const app = await buildApp({ db: d.db, hashCost: 8 });
const { request } = organisationRequest();
const token = (await call(app, 'POST', '/api/organisations', request)).json<{ session: { token: string } }>().session.token;
for (let i = 0; i < N; i += 500) {
  const changes = Array.from({ length: 500 }, () => newChange({ ciphertext: envelope(1, 1024) }));
  await call(app, 'POST', '/api/sync/push', { protocol: 1, changes }, { token });
}
const actor = (await findActor(d.db, token))!;
for (let run = 0; run < 2; run++) {
  let t = performance.now(); let since = 0; let total = 0; let parse = 0;
  for (;;) { const json = await pullPage(d.db, actor, since, 1000); const t1 = performance.now(); const p = JSON.parse(json); parse += performance.now() - t1; total += p.changes.length; since = p.next; if (!p.more) break; }
  console.log(kind, 'pullPage', Math.round(total / ((performance.now() - t) / 1000)), 'rec/s; parse ms', parse.toFixed(0));
  t = performance.now(); since = 0; total = 0;
  for (;;) { const r = await app.inject({ method: 'GET', url: `/api/sync/pull?since=${since}&limit=1000`, headers: { authorization: `Bearer ${token}` } }); const p = JSON.parse(r.body); total += p.changes.length; since = p.next; if (!p.more) break; }
  console.log(kind, 'inject', Math.round(total / ((performance.now() - t) / 1000)), 'rec/s');
}
await app.close(); await d.close();
