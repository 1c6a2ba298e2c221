// The summary index of each collection, sealed with the organisation's general key and kept in the
// user's database, so that a warm start opens a few envelopes instead of decrypting every record
// again (5,000 persons and 95,000 other records: tens of seconds of a phone's CPU at each unlock).
// It is a cache of what the records say, never a source of truth: a snapshot is used only while
// its collection's write generation (bumped with every write of its records, in the same
// transaction) is the one it was made at; a missing, stale or unopenable snapshot means the
// collection is indexed from its records, as on a first start. Decision 013.
import { COLLECTION_NAMES, keyKindOf, type Collection } from '@relais/core/collections';
import type { Keyring } from '@relais/core/crypto/keyring';
import { openEnvelope, sealEnvelope, type EnvelopeContext } from '@relais/core/crypto/envelope';
import { encodePayload } from '@relais/core/crypto/payload';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import { fromUtf8, utf8 } from '@relais/core/text';
import { decodePayloadNatively } from '../crypto/native-payload.ts';
import { generationKey } from '../storage/local-store.ts';
import type { StoredSnapshotPart, UserDb } from '../storage/user-db.ts';
import type { CollectionIndexData } from './summary-index.ts';

/** The associated-data "collection" of snapshot envelopes: a snapshot never opens as a record or a draft. */
export const SNAPSHOT_CONTEXT = 'index-snapshot';
/** Version of the plaintext's shape, inside the envelope. */
export const SNAPSHOT_FORMAT = 1;
/** Items (or corbeille entries) per part: each part is one short task to seal or open. */
export const PART_ITEMS = 4000;

interface PartPlaintext {
  format: number;
  data: CollectionIndexData;
}

export interface LoadedSnapshot {
  generation: number;
  parts: CollectionIndexData[];
}

/** Cuts a collection's index into parts of at most PART_ITEMS items or corbeille entries. */
export function splitIndexData(data: CollectionIndexData, size = PART_ITEMS): CollectionIndexData[] {
  const targets = new Map(data.links);
  const parts: CollectionIndexData[] = [];
  for (let i = 0; i < data.items.length; i += size) {
    const items = data.items.slice(i, i + size);
    const links: [string, string][] = [];
    for (const item of items) {
      const target = targets.get(item.id);
      if (target !== undefined) links.push([item.id, target]);
    }
    parts.push({ items, trash: [], links });
  }
  for (let i = 0; i < data.trash.length; i += size) parts.push({ items: [], trash: data.trash.slice(i, i + size), links: [] });
  if (parts.length === 0) parts.push({ items: [], trash: [], links: [] });
  return parts;
}

const range = (collection: string) => IDBKeyRange.bound([collection, 0], [collection, Number.MAX_SAFE_INTEGER]);

export class IndexSnapshots {
  constructor(
    private readonly db: UserDb,
    private readonly p: CryptoPrimitives,
    private readonly random: Random,
    private readonly keyring: Keyring,
    private readonly userId: string,
  ) {}

  #context(collection: string, part: number, parts: number, generation: number, keyVersion: number): EnvelopeContext {
    return {
      organisationId: this.keyring.organisationId,
      collection: SNAPSHOT_CONTEXT,
      recordId: `${this.userId}/${collection}/${generation}/${part}/${parts}`,
      keyVersion,
    };
  }

  /**
   * The collection's sealed index, when it is complete, made at the current write generation and
   * opens with this keyring; null otherwise (the caller indexes the records instead).
   */
  async load(collection: Collection): Promise<LoadedSnapshot | null> {
    const tx = this.db.transaction(['snapshots', 'meta']);
    const [generation, stored] = await Promise.all([tx.objectStore('meta').get(generationKey(collection)), tx.objectStore('snapshots').getAll(range(collection))]);
    await tx.done;
    if (stored.length === 0) return null;
    const current = typeof generation === 'number' ? generation : 0;
    const first = stored[0]!;
    if (stored.length !== first.parts || stored.some((s, i) => s.part !== i || s.parts !== first.parts || s.generation !== current)) return null;
    try {
      const parts = await Promise.all(stored.map((s) => this.#open(s)));
      return { generation: current, parts };
    } catch (error) {
      // A key this device no longer holds, or a damaged entry: the records are indexed instead.
      console.error(`index snapshot of ${collection} unusable`, error);
      return null;
    }
  }

  async #open(stored: StoredSnapshotPart): Promise<CollectionIndexData> {
    const { key } = this.keyring.get(storedKind(stored.collection), stored.keyVersion);
    const ctx = this.#context(stored.collection, stored.part, stored.parts, stored.generation, stored.keyVersion);
    const plain = JSON.parse(fromUtf8(await decodePayloadNatively(openEnvelope(this.p, key, ctx, stored.envelope)))) as PartPlaintext;
    if (plain.format !== SNAPSHOT_FORMAT) throw new Error(`index snapshot format ${String(plain.format)}`);
    return plain.data;
  }

  /**
   * Seals and stores the collection's index as made at `generation`. Returns false, storing
   * nothing, when the collection has been written since (by this Worker or another tab).
   */
  async save(collection: Collection, generation: number, data: CollectionIndexData): Promise<boolean> {
    // Under the collection's own key kind: the summaries of the dossier médical (types, dates,
    // who may see a consultation) are medical data and never sealed with the general key.
    const { key, version } = this.keyring.current(keyKindOf(collection));
    const split = splitIndexData(data);
    // Sealed before the transaction opens: an IndexedDB transaction ends when it waits on other work.
    const parts: StoredSnapshotPart[] = split.map((partData, part) => ({
      collection,
      part,
      parts: split.length,
      generation,
      keyVersion: version,
      envelope: sealEnvelope(
        this.p,
        this.random,
        key,
        this.#context(collection, part, split.length, generation, version),
        encodePayload(utf8(JSON.stringify({ format: SNAPSHOT_FORMAT, data: partData } satisfies PartPlaintext))),
      ),
    }));
    const tx = this.db.transaction(['snapshots', 'meta'], 'readwrite');
    const current = await tx.objectStore('meta').get(generationKey(collection));
    if ((typeof current === 'number' ? current : 0) !== generation) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    const store = tx.objectStore('snapshots');
    await store.delete(range(collection));
    await Promise.all(parts.map((part) => store.put(part)));
    await tx.done;
    return true;
  }
}

/** The key kind a stored part is sealed with: its collection's (an unknown collection does not open). */
function storedKind(collection: string): ReturnType<typeof keyKindOf> {
  if (!(COLLECTION_NAMES as readonly string[]).includes(collection)) throw new Error(`index snapshot of unknown collection ${collection}`);
  return keyKindOf(collection as Collection);
}
