// crypto.encrypt / crypto.decrypt: records per second through the real codec over the whole
// synthetic organisation, against JSON.stringify / JSON.parse of the same documents, which is what
// a client would pay without encryption. Documents are handled in chunks so that the 100k records
// are never all decrypted in memory at once; every chunk is measured RUNS times, and each figure is
// the median of the RUNS whole-organisation totals.
import { chunks, encryptedRecords } from './cache.ts';
import { plainRecords, type SyntheticOrganisation } from './generator.ts';
import { fmtRange, formatFigure, median, note, type Want } from './report.ts';
import { createSealer, loadPrimitives, platformRandom } from './seal.ts';
import type { RecordDocument } from '@relais/core/sync/types';

const RUNS = 3;
const CHUNK = 2000;

export const CRYPTO_FIGURES = ['crypto.encrypt', 'crypto.decrypt'];

export async function benchCrypto(org: SyntheticOrganisation, want: Want): Promise<void> {
  const sealer = createSealer(await loadPrimitives(), platformRandom(), org);
  // Keeps results alive so that no work can be optimised away.
  let sink = 0;

  if (want('crypto.encrypt')) {
    const relay = new Array<number>(RUNS).fill(0);
    const base = new Array<number>(RUNS).fill(0);
    let count = 0;
    let warm = false;
    for await (const chunk of chunks(plainRecords(org), CHUNK)) {
      if (!warm) {
        for (const r of chunk) sink += sealer.seal(r.collection, r.id, r.document).ciphertext.length + JSON.stringify(r.document).length;
        warm = true;
      }
      for (let run = 0; run < RUNS; run++) {
        // Alternate which goes first so that neither always finds the chunk warm in the caches.
        const order = run % 2 === 0 ? ['base', 'relay'] : ['relay', 'base'];
        for (const which of order) {
          const t0 = performance.now();
          if (which === 'base') {
            for (const r of chunk) sink += JSON.stringify(r.document).length;
            base[run]! += performance.now() - t0;
          } else {
            for (const r of chunk) sink += sealer.seal(r.collection, r.id, r.document).ciphertext.length;
            relay[run]! += performance.now() - t0;
          }
        }
      }
      count += chunk.length;
    }
    const relayRates = relay.map((ms) => (count * 1000) / ms);
    const baseRates = base.map((ms) => (count * 1000) / ms);
    note(`crypto.encrypt ${count} records, runs (records/s): ${fmtRange(relayRates)}; JSON.stringify: ${fmtRange(baseRates)}`);
    console.log(
      formatFigure({
        name: 'crypto.encrypt',
        value: median(relayRates),
        unit: 'records/s',
        baselineValue: median(baseRates),
        baseline: `JSON.stringify ${Math.round(median(baseRates))} records/s`,
      }),
    );
  }

  if (want('crypto.decrypt')) {
    const relay = new Array<number>(RUNS).fill(0);
    const base = new Array<number>(RUNS).fill(0);
    let count = 0;
    let warm = false;
    for await (const chunk of chunks(encryptedRecords(org), CHUNK)) {
      // The same documents as plaintext JSON, made outside the timed parts.
      const texts = chunk.map((r) => JSON.stringify(sealer.open(r)));
      if (!warm) {
        for (const t of texts) sink += Object.keys((JSON.parse(t) as RecordDocument).fields).length;
        warm = true;
      }
      for (let run = 0; run < RUNS; run++) {
        const order = run % 2 === 0 ? ['base', 'relay'] : ['relay', 'base'];
        for (const which of order) {
          const t0 = performance.now();
          if (which === 'base') {
            for (const t of texts) sink += Object.keys((JSON.parse(t) as RecordDocument).fields).length;
            base[run]! += performance.now() - t0;
          } else {
            for (const r of chunk) sink += Object.keys(sealer.open(r).fields).length;
            relay[run]! += performance.now() - t0;
          }
        }
      }
      count += chunk.length;
    }
    const relayRates = relay.map((ms) => (count * 1000) / ms);
    const baseRates = base.map((ms) => (count * 1000) / ms);
    note(`crypto.decrypt ${count} records, runs (records/s): ${fmtRange(relayRates)}; JSON.parse: ${fmtRange(baseRates)}`);
    console.log(
      formatFigure({
        name: 'crypto.decrypt',
        value: median(relayRates),
        unit: 'records/s',
        baselineValue: median(baseRates),
        baseline: `JSON.parse ${Math.round(median(baseRates))} records/s`,
      }),
    );
  }
  if (sink === -1) note('unreachable');
}
