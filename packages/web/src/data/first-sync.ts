// The first sync of a device fetches persons before anything else, so the person list is usable
// and searchable while the other 95% of the organisation still downloads. Two phases, each a
// filtered pull with its own cursor, then the ordinary pull. Phase and cursors are stored with the
// records they describe, so a reload or a lost network resumes where it stopped.
//
// Why the final cursor is the smaller of the two: the persons phase has every person up to its
// cursor P, the rest phase every other record up to R, so the device has everything up to
// min(P, R). The server answers a finished filtered pull with its current sequence (not the last
// match), so P and R are close to the time each phase ended and little is fetched twice.
//
// The dossier médical: a session without the medical key never names a medical collection in a
// pull (the server refuses it). A device that synced without the key and now holds it (its
// member became a health professional) catches up on the medical collections from the start,
// since its ordinary cursor went past medical records the server left out of its pulls then.
import { COLLECTION_NAMES, MEDICAL_COLLECTIONS, type Collection } from '@relais/core/collections';
import type { SyncEngine, SyncReport } from '@relais/core/sync/engine';
import { CURSOR } from '../storage/local-store.ts';
import type { EngineStore } from './engine-store.ts';
import type { SyncPhase, SyncProgress } from './types.ts';

export const PHASE_KEY = 'firstSyncPhase';
export const PULLED_KEY = 'firstSyncPulled';
export const PERSONS_CURSOR = 'cursor:persons';
export const REST_CURSOR = 'cursor:rest';
export const MEDICAL_CURSOR = 'cursor:medical';
/** 'yes' once this device has every medical record up to its cursor; 'no' while it lacks the key. */
export const MEDICAL_KEY = 'medicalSynced';

export const PERSON_COLLECTIONS: readonly Collection[] = ['person'];

export interface FilterableTransport {
  only: readonly Collection[] | undefined;
}

/** Where a device is: a device that synced before phases existed (a cursor, no phase) is done. */
export async function readPhase(store: EngineStore): Promise<SyncPhase> {
  const phase = await store.inner.getMeta(PHASE_KEY);
  if (phase === 'persons' || phase === 'rest' || phase === 'done') return phase;
  return (await store.inner.getCursor(CURSOR)) > 0 ? 'done' : 'persons';
}

export async function readProgress(store: EngineStore): Promise<SyncProgress> {
  const pulled = await store.inner.getMeta(PULLED_KEY);
  return { phase: await readPhase(store), pulled: typeof pulled === 'number' ? pulled : 0 };
}

/**
 * One sync: the pending phases of the first sync, then an ordinary sync. `onProgress` hears the
 * phase and the count of records received since the first sync began (persisted). `readable`:
 * the collections this session holds the keys of (collectionsForKinds); no other is asked for.
 */
export async function syncInPhases(
  engine: SyncEngine,
  store: EngineStore,
  transport: FilterableTransport,
  onProgress: (progress: SyncProgress) => void,
  readable: readonly Collection[] = COLLECTION_NAMES,
): Promise<SyncReport> {
  const rest = readable.filter((c) => c !== 'person');
  const medical = readable.filter((c) => MEDICAL_COLLECTIONS.includes(c));
  let phase = await readPhase(store);
  const total: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, pending: 0, cursor: 0 };
  if (phase !== 'done') {
    const start = (await readProgress(store)).pulled;
    let counted = start;
    const report = (phaseNow: SyncPhase) => (p: { pulled: number }) => {
      counted = start + total.pulled + p.pulled;
      onProgress({ phase: phaseNow, pulled: counted });
      // A display counter only: it need not be atomic with the page it counts.
      store.inner.setMeta(PULLED_KEY, counted).catch(() => undefined);
    };
    try {
      if (phase === 'persons') {
        onProgress({ phase, pulled: counted });
        add(total, await filtered(engine, store, transport, PERSON_COLLECTIONS, PERSONS_CURSOR, report('persons')));
        await store.inner.put([], undefined, CURSOR, { [PHASE_KEY]: 'rest', [PULLED_KEY]: counted });
        phase = 'rest';
        onProgress({ phase, pulled: counted });
      }
      if (phase === 'rest') {
        add(total, await filtered(engine, store, transport, rest, REST_CURSOR, report('rest')));
        const persons = await store.inner.getCursor(PERSONS_CURSOR);
        const restCursor = await store.inner.getCursor(REST_CURSOR);
        // The rest phase had the medical collections if this session may read them.
        await store.inner.put([], Math.min(persons, restCursor), CURSOR, { [PHASE_KEY]: 'done', [PULLED_KEY]: counted, [MEDICAL_KEY]: medical.length > 0 ? 'yes' : 'no' });
        phase = 'done';
        onProgress({ phase, pulled: counted });
      }
    } finally {
      transport.only = undefined;
      store.cursorKey = CURSOR;
    }
  }
  add(total, await catchUpMedical(engine, store, transport, medical));
  add(total, await engine.sync());
  return total;
}

/**
 * Without the medical key: remembers it, so that gaining the key later starts a catch-up. With
 * it, on a device whose earlier pulls left medical records out: a filtered pull of the medical
 * collections from the start (its own cursor, so an interruption resumes), then never again.
 */
async function catchUpMedical(engine: SyncEngine, store: EngineStore, transport: FilterableTransport, medical: readonly Collection[]): Promise<SyncReport> {
  const none: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, pending: 0, cursor: 0 };
  const synced = await store.inner.getMeta(MEDICAL_KEY);
  if (medical.length === 0) {
    if (synced !== 'no') await store.inner.put([], 0, MEDICAL_CURSOR, { [MEDICAL_KEY]: 'no' });
    return none;
  }
  if (synced === 'yes') return none;
  const report = await filtered(engine, store, transport, medical, MEDICAL_CURSOR, () => undefined);
  await store.inner.setMeta(MEDICAL_KEY, 'yes');
  return report;
}

async function filtered(
  engine: SyncEngine,
  store: EngineStore,
  transport: FilterableTransport,
  only: readonly Collection[],
  cursorKey: string,
  onProgress: (p: { pulled: number }) => void,
): Promise<SyncReport> {
  transport.only = only;
  store.cursorKey = cursorKey;
  try {
    return await engine.sync(onProgress);
  } finally {
    transport.only = undefined;
    store.cursorKey = CURSOR;
  }
}

function add(total: SyncReport, report: SyncReport): void {
  total.pushed += report.pushed;
  total.pulled += report.pulled;
  total.conflicts += report.conflicts;
  total.pending = report.pending;
  total.cursor = report.cursor;
}
