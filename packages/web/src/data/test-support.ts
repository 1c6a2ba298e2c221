// Helpers for the data layer's tests: an in-memory sync server that behaves like the real one
// (sequences, versions, conflicts, filtered pulls answering the organisation's sequence at their
// end), and a service environment on fake-indexeddb with real libsodium. Imported by tests only.
import type { Collection } from '@relais/core/collections';
import { generateOrgKey } from '@relais/core/crypto/keys';
import { PROTOCOL_VERSION, type PullResponse, type PushRequest, type PushResponse, type PushResult, type RemoteRecord } from '@relais/core/protocol';
import { isoFromMs } from '@relais/core/sync/time';
import { TransportError } from '@relais/core/sync/types';
import { uuidv7 } from '@relais/core/uuid';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { openUserDb } from '../storage/user-db.ts';
import { coreDomain } from './domain.ts';
import type { OpenParams, WorkerEvent } from './protocol.ts';
import type { ServiceEnv, SyncTransport } from './service.ts';

export const clock = { now: () => Date.now() };

export function newId(): string {
  return uuidv7(clock, random);
}

export class FakeServer {
  #seq = 0;
  readonly #records = new Map<string, RemoteRecord>();
  /** Largest page the server answers, whatever the client asks (tests page with few records). */
  pageSize = 1000;
  /** When set, pulls after this many more pages fail as if the network were gone. */
  pagesBeforeOutage: number | null = null;
  offline = false;
  readonly pulls: { since: number; only: readonly string[] | undefined }[] = [];

  get seq(): number {
    return this.#seq;
  }

  push(request: PushRequest, authorId: string): PushResponse {
    if (this.offline) throw new TransportError('offline', true);
    const results: PushResult[] = request.changes.map((change) => {
      const key = `${change.collection}/${change.id}`;
      const current = this.#records.get(key);
      if ((current?.version ?? 0) !== change.baseVersion) {
        if (!current) throw new Error('conflict on a record the server does not have');
        return { changeId: change.changeId, id: change.id, status: 'conflict', current };
      }
      const record: RemoteRecord = {
        collection: change.collection,
        id: change.id,
        version: (current?.version ?? 0) + 1,
        seq: ++this.#seq,
        keyVersion: change.keyVersion,
        deleted: change.deleted,
        authorId,
        updatedAt: isoFromMs(clock.now()),
        ciphertext: change.ciphertext,
      };
      this.#records.set(key, record);
      return { changeId: change.changeId, id: change.id, status: 'accepted', version: record.version, seq: record.seq };
    });
    return { protocol: PROTOCOL_VERSION, results };
  }

  pull(since: number, limit: number, only: readonly Collection[] | undefined): PullResponse {
    this.pulls.push({ since, only });
    if (this.offline) throw new TransportError('offline', true);
    if (this.pagesBeforeOutage !== null) {
      if (this.pagesBeforeOutage <= 0) throw new TransportError('offline', true);
      this.pagesBeforeOutage -= 1;
    }
    const size = Math.min(limit, this.pageSize);
    const matching = [...this.#records.values()]
      .filter((r) => r.seq > since && (only === undefined || only.includes(r.collection)))
      .sort((a, b) => a.seq - b.seq);
    const changes = matching.slice(0, size);
    const more = matching.length > size;
    const last = changes.at(-1)?.seq ?? since;
    // Like the real server: a finished filtered pull has seen everything up to the current sequence.
    const next = more || only === undefined ? last : Math.max(last, this.#seq);
    return { protocol: PROTOCOL_VERSION, changes, next, more };
  }

  transport(authorId: string): SyncTransport {
    const transport: SyncTransport = {
      only: undefined,
      setToken: () => undefined,
      push: (request) => Promise.resolve().then(() => this.push(request, authorId)),
      pull: (since, limit) => Promise.resolve().then(() => this.pull(since, limit, transport.only)),
    };
    return transport;
  }
}

export interface Organisation {
  id: string;
  keys: OpenParams['keys'];
}

export function newOrganisation(): Organisation {
  return { id: newId(), keys: [generateOrgKey(random, 'general', 1), generateOrgKey(random, 'medical', 1)] };
}

export function openParams(org: Organisation, userId: string): OpenParams {
  // Each device gets its own copies: closing a service zeroes them.
  return { userId, organisationId: org.id, keys: org.keys.map((k) => ({ ...k, key: k.key.slice() })), token: null, apiBase: '' };
}

export function testEnv(server: FakeServer, userId: string, events: WorkerEvent[] = []): ServiceEnv {
  return {
    primitives: loadPrimitives,
    random,
    clock,
    openDb: openUserDb,
    transport: () => server.transport(userId),
    domain: coreDomain,
    emit: (event) => events.push(structuredClone(event)),
  };
}

/** Every value of every IndexedDB database of the origin, as text (for clear-text searches). */
export async function dumpAllDatabases(): Promise<string> {
  const out: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const name = info.name;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as unknown[]);
      });
      // Binary envelopes as text too, so a clear string inside them would be found.
      out.push(name, store, JSON.stringify(values, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)));
    }
    db.close();
  }
  return JSON.stringify(out);
}
