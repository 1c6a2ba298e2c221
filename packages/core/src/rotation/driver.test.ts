// The driver against a model of the server's rotation rules (in memory, following protocol.ts),
// with crashes, lost answers, failed cursor writes and members editing records at any point.
// The same driver over the real server, with real encryption, is in
// packages/server/src/rotation/rotation.pg.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyKindOf, type Collection } from '../collections.ts';
import { CryptoError } from '../crypto/errors.ts';
import { PROTOCOL_VERSION, type KeyKind, type RemoteRecord, type Rewrap, type RewrapResult, type RotationPage, type RotationStatus } from '../protocol.ts';
import { runRotation, RotationOutdatedError, type RotationCursor, type RotationCursorStore, type RotationProgress, type RotationTransport } from './driver.ts';

const AUTHOR = '01890000-0000-7000-8000-00000000000a';
const id = (n: number): string => `01890000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** The server's rules for rotation: versions, sequences, key versions; ciphertext "<keyVersion>|<content>". */
class ModelServer {
  seq = 0;
  readonly current: Record<KeyKind, number> = { general: 2, medical: 1 };
  readonly records = new Map<string, RemoteRecord>();

  add(collection: Collection, n: number, content: string, keyVersion = 1): void {
    this.seq += 1;
    const record = { collection, id: id(n), version: 1, seq: this.seq, keyVersion, deleted: false, authorId: AUTHOR, updatedAt: '2026-01-01T00:00:00.000Z', ciphertext: `${keyVersion}|${content}` };
    this.records.set(`${collection}/${record.id}`, record);
  }

  /** A member's accepted push: new version and sequence, under the key version their device used. */
  edit(key: string, content: string, keyVersion: number): void {
    const record = this.records.get(key)!;
    this.seq += 1;
    this.records.set(key, { ...record, version: record.version + 1, seq: this.seq, keyVersion, ciphertext: `${keyVersion}|${content}` });
  }

  ofKind(kind: KeyKind): RemoteRecord[] {
    return [...this.records.values()].filter((record) => keyKindOf(record.collection) === kind);
  }

  status(): RotationStatus {
    return {
      recipients: [],
      kinds: (['general', 'medical'] as const).map((kind) => ({
        kind,
        currentVersion: this.current[kind],
        rotationNeeded: false,
        total: this.ofKind(kind).length,
        remaining: this.ofKind(kind).filter((record) => record.keyVersion < this.current[kind]).length,
      })),
    };
  }

  page(kind: KeyKind, since: number, limit: number): RotationPage {
    const status = this.status().kinds.find((k) => k.kind === kind)!;
    const records = this.ofKind(kind)
      .filter((record) => record.seq > since && record.keyVersion < this.current[kind])
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
    const next = records.length === 0 ? since : records[records.length - 1]!.seq;
    return { protocol: PROTOCOL_VERSION, currentVersion: this.current[kind], records, next, more: records.length === limit, total: status.total, remaining: status.remaining };
  }

  rewrap(items: readonly Rewrap[]): RewrapResult[] {
    return items.map((item): RewrapResult => {
      const key = `${item.collection}/${item.id}`;
      const record = this.records.get(key)!;
      const { collection, id: recordId } = item;
      if (item.keyVersion !== this.current[keyKindOf(item.collection)]) throw new Error('ROTATION_OUTDATED');
      if (record.keyVersion >= item.keyVersion) return { collection, id: recordId, status: 'unchanged' };
      if (record.version !== item.version) return { collection, id: recordId, status: 'stale', version: record.version };
      this.seq += 1;
      this.records.set(key, { ...record, version: record.version + 1, seq: this.seq, keyVersion: item.keyVersion, ciphertext: item.ciphertext });
      return { collection, id: recordId, status: 'rewrapped', version: record.version + 1, seq: this.seq };
    });
  }
}

/** Re-encryption of the model's ciphertexts; a ciphertext not made under the record's key version does not open. */
function reencrypt(server: ModelServer) {
  return (record: RemoteRecord): Rewrap => {
    const [version, content] = record.ciphertext.split('|');
    if (version !== String(record.keyVersion) || content === undefined) throw new CryptoError('DECRYPT_FAILED');
    const target = server.current[keyKindOf(record.collection)];
    return { collection: record.collection, id: record.id, version: record.version, keyVersion: target, ciphertext: `${target}|${content}` };
  };
}

class MemoryCursors implements RotationCursorStore {
  readonly cursors = new Map<KeyKind, RotationCursor>();
  failNextSave = false;
  async load(kind: KeyKind) {
    const cursor = this.cursors.get(kind);
    return cursor === undefined ? null : { ...cursor, failed: [...cursor.failed] };
  }
  async save(cursor: RotationCursor) {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('storage failed');
    }
    this.cursors.set(cursor.kind, { ...cursor, failed: [...cursor.failed] });
  }
}

type Fault = 'none' | 'down' | 'lost-answer' | 'save-fails';
interface Step {
  fault: Fault;
  /** A member edits this record (index into the records) before the call, under the old key or the new one. */
  edit: { index: number; underNewKey: boolean } | null;
}

describe('runRotation', () => {
  it('moves every record to the current version in batches, reporting progress', async () => {
    const server = new ModelServer();
    for (let n = 1; n <= 23; n++) server.add(n % 2 === 0 ? 'person' : 'comment', n, `contenu ${n}`);
    server.add('person', 99, 'déjà à jour', 2);
    const progress: RotationProgress[] = [];
    const store = new MemoryCursors();
    const transport: RotationTransport = { status: async () => server.status(), page: async (k, s, l) => server.page(k, s, l), rewrap: async (items) => server.rewrap(items) };
    const report = await runRotation({ transport, store, reencrypt: reencrypt(server), pageSize: 5, onProgress: (p) => progress.push(p) });
    expect(report).toEqual({
      finished: true,
      kinds: [
        { kind: 'general', version: 2, rewrapped: 23, failed: [] },
        { kind: 'medical', version: 1, rewrapped: 0, failed: [] },
      ],
    });
    expect(progress.filter((p) => p.kind === 'general').map((p) => p.done)).toEqual([6, 11, 16, 21, 24, 24]);
    expect(progress.every((p) => p.total === (p.kind === 'general' ? 24 : 0))).toBe(true);
    for (const record of server.records.values()) expect(record.ciphertext).toBe(`2|${record.id === id(99) ? 'déjà à jour' : `contenu ${parseInt(record.id.slice(-12), 16)}`}`);
  });

  it('skips and reports a record it cannot open, and does not fetch it again', async () => {
    const server = new ModelServer();
    server.add('person', 1, 'lisible');
    server.add('person', 2, 'lisible');
    server.records.set(`person/${id(2)}`, { ...server.records.get(`person/${id(2)}`)!, ciphertext: 'abîmé' });
    const store = new MemoryCursors();
    let pages = 0;
    const transport: RotationTransport = {
      status: async () => server.status(),
      page: async (k, s, l) => {
        pages += 1;
        return server.page(k, s, l);
      },
      rewrap: async (items) => server.rewrap(items),
    };
    const first = await runRotation({ transport, store, reencrypt: reencrypt(server), kinds: ['general'] });
    expect(first.kinds[0]!.failed).toEqual([`person/${id(2)}`]);
    pages = 0;
    const second = await runRotation({ transport, store, reencrypt: reencrypt(server), kinds: ['general'] });
    expect(second.kinds[0]).toEqual({ kind: 'general', version: 2, rewrapped: 0, failed: [`person/${id(2)}`] });
    expect(pages).toBe(1);
    expect(server.status().kinds[0]!.remaining).toBe(1);
  });

  it('pauses between batches when asked and resumes from the saved cursor', async () => {
    const server = new ModelServer();
    for (let n = 1; n <= 10; n++) server.add('person', n, `c${n}`);
    const store = new MemoryCursors();
    const transport: RotationTransport = { status: async () => server.status(), page: async (k, s, l) => server.page(k, s, l), rewrap: async (items) => server.rewrap(items) };
    let batches = 0;
    const paused = await runRotation({ transport, store, reencrypt: reencrypt(server), pageSize: 3, onProgress: () => (batches += 1), shouldStop: () => batches >= 2 });
    expect(paused.finished).toBe(false);
    expect(server.status().kinds[0]!.remaining).toBe(4);
    expect(store.cursors.get('general')).toMatchObject({ version: 2, since: 6 });
    const resumed = await runRotation({ transport, store, reencrypt: reencrypt(server), pageSize: 3 });
    expect(resumed.finished).toBe(true);
    expect(server.status().kinds[0]!.remaining).toBe(0);
  });

  it('stops with RotationOutdatedError when a newer key version appears while it runs', async () => {
    const server = new ModelServer();
    server.add('person', 1, 'a');
    server.add('person', 2, 'b');
    const transport: RotationTransport = {
      status: async () => server.status(),
      page: async (k, s, l) => {
        server.current.general = 3;
        return server.page(k, s, l);
      },
      rewrap: async (items) => server.rewrap(items),
    };
    await expect(runRotation({ transport, store: new MemoryCursors(), reencrypt: reencrypt(server) })).rejects.toBeInstanceOf(RotationOutdatedError);
  });

  it('ends with every record under the current version and every edit kept, whatever crashes and edits happen', async () => {
    const step: fc.Arbitrary<Step> = fc.record({
      fault: fc.constantFrom<Fault>('none', 'none', 'none', 'down', 'lost-answer', 'save-fails'),
      edit: fc.option(fc.record({ index: fc.nat(40), underNewKey: fc.boolean() }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 7 }), fc.array(step, { maxLength: 60 }), async (count, pageSize, steps) => {
        const server = new ModelServer();
        const expected = new Map<string, string>();
        for (let n = 1; n <= count; n++) {
          server.add(n % 3 === 0 ? 'comment' : 'person', n, `contenu ${n}`);
        }
        for (const record of server.records.values()) expected.set(`${record.collection}/${record.id}`, record.ciphertext.split('|')[1]!);
        const keys = [...expected.keys()];
        const store = new MemoryCursors();
        let call = 0;
        let edits = 0;
        /** Each transport call consumes one step: maybe a member's edit, then maybe a fault. */
        const around = async <T>(act: () => T): Promise<T> => {
          const current = steps[call++];
          if (current?.edit) {
            const key = keys[current.edit.index % keys.length]!;
            const content = `modifié ${++edits}`;
            server.edit(key, content, current.edit.underNewKey ? 2 : 1);
            expected.set(key, content);
          }
          if (current?.fault === 'down') throw new Error('network down');
          if (current?.fault === 'save-fails') store.failNextSave = true;
          const answer = act();
          if (current?.fault === 'lost-answer') throw new Error('answer lost');
          return answer;
        };
        const transport: RotationTransport = {
          status: () => around(() => server.status()),
          page: (k, s, l) => around(() => server.page(k, s, l)),
          rewrap: (items) => around(() => server.rewrap(items)),
        };
        let finished = false;
        for (let attempt = 0; attempt < 200 && !finished; attempt++) {
          try {
            finished = (await runRotation({ transport, store, reencrypt: reencrypt(server), pageSize })).finished;
          } catch (error) {
            // A crash: the next run starts from whatever the store holds, like a reload.
            if (!(error instanceof Error) || !['network down', 'answer lost', 'storage failed'].includes(error.message)) throw error;
          }
        }
        expect(finished).toBe(true);
        for (const [key, content] of expected) {
          const record = server.records.get(key)!;
          expect({ key, keyVersion: record.keyVersion, ciphertext: record.ciphertext }).toEqual({ key, keyVersion: 2, ciphertext: `2|${content}` });
        }
      }),
      { numRuns: 300 },
    );
  });
});
