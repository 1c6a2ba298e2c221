// `npm run bench` runs the crypto and server benchmarks; `npm run bench -- <prefix>` only the
// figures whose name starts with <prefix>. The browser benchmarks (field.*, ~15 minutes, Chromium
// and a web build) and the key rotation (rotation.*, 6–9 minutes at size L over an emulated field
// network) run only when a prefix asks for them: `npm run bench -- field`, `npm run bench -- rotation`.
// stdout holds only `BENCH ...` lines; progress goes to stderr.
import { cpus, loadavg } from 'node:os';
import { benchCrypto, CRYPTO_FIGURES } from './crypto.bench.ts';
import { ensureCache } from './cache.ts';
import { DEFAULT_SEED, syntheticOrganisation } from './generator.ts';
import { note, type Want } from './report.ts';
import { benchField, FIELD_FIGURES } from './field.bench.ts';
import { benchRotation, ROTATION_FIGURES } from './rotation.bench.ts';
import { benchServer, SERVER_FIGURES } from './server.bench.ts';

const prefixes = process.argv.slice(2).filter((a) => a !== '--');
const onRequest = [...FIELD_FIGURES, ...ROTATION_FIGURES];
const want: Want = (name) => (prefixes.length === 0 ? !onRequest.includes(name) : prefixes.some((p) => name.startsWith(p)));
const wantAny = (names: readonly string[]) => names.some(want);

const known = [...CRYPTO_FIGURES, ...SERVER_FIGURES, ...FIELD_FIGURES, ...ROTATION_FIGURES];
if (!wantAny(known)) {
  process.stderr.write(`No benchmark name starts with ${prefixes.join(', ')}. Names: ${known.join(', ')}\n`);
  process.exit(2);
}

const started = performance.now();
note(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
// Figures are taken on size L; BENCH_SIZE=S gives a quick check of the whole chain on a fifth of it.
const size = process.env.BENCH_SIZE === 'S' ? 'S' : 'L';
const org = syntheticOrganisation(DEFAULT_SEED, size);
const t0 = performance.now();
const { meta } = await ensureCache(org);
note(
  `synthetic organisation seed=${org.seed} size=${org.size}: ${meta.count} records, ` +
    `${(meta.plaintextBytes / meta.count).toFixed(0)} B plaintext JSON/record, ` +
    `${(meta.ciphertextBytes / meta.count).toFixed(0)} B envelope/record (cache ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

if (wantAny(CRYPTO_FIGURES)) await benchCrypto(org, want);
if (wantAny(SERVER_FIGURES)) await benchServer(org, want);
if (wantAny(FIELD_FIGURES)) await benchField(org, want);
if (wantAny(ROTATION_FIGURES)) await benchRotation(org, want);
note(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
