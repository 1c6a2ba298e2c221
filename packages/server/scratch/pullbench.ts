import { buildApp } from '../src/app.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import { organisationRequest, newChange, envelope } from '../src/testing/fixtures.ts';
const kind = process.argv[2] as 'pglite' | 'postgres';
const N = Number(process.env.N ?? 20000);
const d = await openTestDatabase(kind);
const app = await buildApp({ db: d.db, hashCost: 8 });
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address() as { port: number };
const base = `http://127.0.0.1:${addr.port}`;
const { request } = organisationRequest();
const created = await (await fetch(base + '/api/organisations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })).json() as { session: { token: string } };
const token = created.session.token;
const h = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
let t = performance.now();
for (let i = 0; i < N; i += 500) {
  const changes = Array.from({ length: 500 }, () => newChange({ ciphertext: envelope(1, 1024) }));
  const r = await fetch(base + '/api/sync/push', { method: 'POST', headers: h, body: JSON.stringify({ protocol: 1, changes }) });
  if (!r.ok) throw new Error(await r.text());
}
console.log(kind, 'load', Math.round(N / ((performance.now() - t) / 1000)), 'rec/s');
const push100: number[] = [];
for (let i = 0; i < 40; i++) {
  const changes = Array.from({ length: 100 }, () => newChange({ ciphertext: envelope(1, 1024) }));
  const body = JSON.stringify({ protocol: 1, changes });
  t = performance.now();
  const r = await fetch(base + '/api/sync/push', { method: 'POST', headers: h, body });
  await r.json();
  push100.push(performance.now() - t);
}
push100.sort((a, b) => a - b);
console.log(kind, 'push100 p50', push100[20]!.toFixed(1), 'p95', push100[38]!.toFixed(1));
for (let run = 0; run < 3; run++) {
  t = performance.now(); let since = 0; let n = 0;
  for (;;) { const r = await fetch(`${base}/api/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } }); const p = await r.json() as { changes: unknown[]; next: number; more: boolean }; n += p.changes.length; since = p.next; if (!p.more) break; }
  console.log(kind, 'pull', n, Math.round(n / ((performance.now() - t) / 1000)), 'rec/s');
}
await app.close(); await d.close();
