// For the rotation tests only: an in-memory server following the rules of
// docs/decisions/011-member-exit-and-key-rotation.md (versions, sequences, key versions, who must
// receive new keys), with real encryption, and faults to inject call by call. The same driver
// against the real server, on both databases, is in packages/server/src/rotation/rotation.pg.test.ts.
import { fromBase64, toBase64 } from '@relais/core/base64';
import { keyKindOf, type Collection } from '@relais/core/collections';
import { generateOrgKey, generateUserKeyPair, Keyring, openSealedOrgKey, sealOrgKey, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import { pooledRandom } from '@relais/core/crypto/random';
import { createRecordCodec } from '@relais/core/crypto/records';
import { loadSodiumPrimitives, seededRandom } from '@relais/core/crypto/test-support';
import { ERROR_MESSAGES, type ErrorCode } from '@relais/core/errors';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import {
  PROTOCOL_VERSION,
  type KeyKind,
  type KeysResponse,
  type Member,
  type PublishKeysRequest,
  type RemoteRecord,
  type Rewrap,
  type RewrapResult,
  type RotationPage,
  type RotationStatus,
  type SealedKey,
} from '@relais/core/protocol';
import type { RecordDocument } from '@relais/core/sync/types';
import { ApiError } from '../api/errors.ts';

export const ORG = '01900000-0000-7000-8000-0000000000f0';
export const ADMIN = '01900000-0000-7000-8000-0000000000a1';
export const STAYING = '01900000-0000-7000-8000-0000000000b2';
export const LEAVING = '01900000-0000-7000-8000-0000000000c3';
export const recordId = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export type Fault = 'down' | 'unauthenticated' | 'outdated' | null;

export interface Crypto {
  p: CryptoPrimitives;
  random: Random;
}

export async function testCrypto(seed: string): Promise<Crypto> {
  const p = await loadSodiumPrimitives();
  return { p, random: pooledRandom(seededRandom(p, seed)) };
}

const document = (n: number): RecordDocument => ({ fields: { nom: `Personne ${n}` }, stamps: { nom: `2026-01-01T10:00:00.000Z|${ADMIN}` } });

interface Account {
  keyPair: UserKeyPair;
  kinds: KeyKind[];
  status: 'active' | 'revoked';
  sealed: SealedKey[];
}

export class ModelServer {
  seq = 0;
  readonly current: Record<KeyKind, number> = { general: 1, medical: 1 };
  readonly records = new Map<string, RemoteRecord>();
  readonly accounts = new Map<string, Account>();
  /** Keys as the server never holds them: kept here only to check what the tests expect. */
  readonly keys: OrgKey[] = [];
  /** One fault per call, in order (null: the call goes through). */
  faults: Fault[] = [];
  readonly calls: string[] = [];
  token = 'jeton-1';

  constructor(private readonly crypto: Crypto) {
    this.keys.push(generateOrgKey(crypto.random, 'general', 1), generateOrgKey(crypto.random, 'medical', 1));
    this.addAccount(ADMIN, ['general', 'medical']);
    this.addAccount(STAYING, ['general']);
    this.addAccount(LEAVING, ['general']);
  }

  addAccount(userId: string, kinds: KeyKind[]): void {
    const keyPair = generateUserKeyPair(this.crypto.p, this.crypto.random);
    const sealed = this.keys.filter((k) => kinds.includes(k.kind)).map((k) => this.seal(k, keyPair));
    this.accounts.set(userId, { keyPair, kinds, status: 'active', sealed });
  }

  /** A new key version published by hand: sealed to every active member holding its kind. */
  installKey(key: OrgKey): void {
    this.keys.push(key);
    this.current[key.kind] = key.version;
    for (const account of this.accounts.values()) {
      if (account.status === 'active' && account.kinds.includes(key.kind)) account.sealed.push(this.seal(key, account.keyPair));
    }
  }

  keyPairOf(userId: string): UserKeyPair {
    return this.accounts.get(userId)!.keyPair;
  }

  private seal(key: OrgKey, keyPair: UserKeyPair): SealedKey {
    return { kind: key.kind, version: key.version, sealed: toBase64(sealOrgKey(this.crypto.p, ORG, key, keyPair.publicKey)) };
  }

  /** A record sealed by a member under the key version they hold. */
  add(collection: Collection, n: number, keyVersion = 1): void {
    const key = this.keys.find((k) => k.kind === keyKindOf(collection) && k.version === keyVersion)!;
    const { ciphertext } = createRecordCodec(this.crypto.p, this.crypto.random, new Keyring(ORG, [key])).encrypt(collection, recordId(n), document(n));
    this.seq += 1;
    this.records.set(recordId(n), { collection, id: recordId(n), version: 1, seq: this.seq, keyVersion, deleted: false, authorId: ADMIN, updatedAt: '2026-01-01T10:00:00.000Z', ciphertext });
  }

  /** Opens a stored record with the keys sealed to `userId`: what a member's device would read. */
  readAs(userId: string, id: string): RecordDocument {
    const account = this.accounts.get(userId)!;
    const keys = account.sealed.map((k) => openSealedOrgKey(this.crypto.p, ORG, fromBase64(k.sealed), account.keyPair, { kind: k.kind, version: k.version }));
    const record = this.records.get(id)!;
    return createRecordCodec(this.crypto.p, this.crypto.random, new Keyring(ORG, keys)).decrypt(record.collection, record.id, record.keyVersion, record.ciphertext);
  }

  expected(n: number): RecordDocument {
    return document(n);
  }

  private async call<T>(name: string, token: string | null, act: () => T): Promise<T> {
    this.calls.push(name);
    // Answers come later, never at once, like a network.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fault = this.faults.shift() ?? null;
    if (fault === 'down') throw new ApiError('OFFLINE', 'hors ligne', 0);
    if (fault === 'unauthenticated' || token !== this.token) throw failure('UNAUTHENTICATED', 401);
    if (fault === 'outdated') throw failure('ROTATION_OUTDATED', 409);
    return act();
  }

  /** The API as one caller (token) sees it. */
  api(token: string | null) {
    return {
      setToken: (next: string | null) => {
        token = next;
      },
      revoke: (memberId: string) => this.call('revoke', token, () => this.revoke(memberId)),
      status: () => this.call('status', token, () => this.status()),
      keys: () => this.call('keys', token, (): KeysResponse => ({ keys: this.accounts.get(ADMIN)!.sealed })),
      publish: (request: PublishKeysRequest) => this.call('publish', token, () => this.publish(request)),
      page: (kind: KeyKind, since: number, limit: number) => this.call('page', token, () => this.page(kind, since, limit)),
      rewrap: (items: readonly Rewrap[]) => this.call('rewrap', token, () => this.rewrap(items)),
    };
  }

  revoke(memberId: string): Member {
    if (memberId === ADMIN) throw failure('FORBIDDEN', 403);
    this.accounts.get(memberId)!.status = 'revoked';
    return { id: memberId, name: 'Parti', email: 'parti@example.org', role: 'member', healthProfessional: false, status: 'revoked', publicKey: null, createdAt: '2026-01-01T00:00:00.000Z' };
  }

  private ofKind(kind: KeyKind): RemoteRecord[] {
    return [...this.records.values()].filter((record) => keyKindOf(record.collection) === kind);
  }

  status(): RotationStatus {
    const active = [...this.accounts.entries()].filter(([, a]) => a.status === 'active');
    return {
      recipients: active.map(([userId, a]) => ({ userId, publicKey: toBase64(a.keyPair.publicKey), kinds: a.kinds })),
      kinds: (['general', 'medical'] as const).map((kind) => ({
        kind,
        currentVersion: this.current[kind],
        rotationNeeded: [...this.accounts.values()].some((a) => a.status === 'revoked' && a.sealed.some((k) => k.kind === kind && k.version === this.current[kind])),
        total: this.ofKind(kind).length,
        remaining: this.ofKind(kind).filter((record) => record.keyVersion < this.current[kind]).length,
      })),
    };
  }

  publish(request: PublishKeysRequest): RotationStatus {
    for (const key of request.keys) if (key.version !== this.current[key.kind] + 1) throw failure('ROTATION_OUTDATED', 409);
    for (const key of request.keys) {
      this.current[key.kind] = key.version;
      for (const box of key.sealed) {
        const account = this.accounts.get(box.userId)!;
        account.sealed.push({ kind: key.kind, version: key.version, sealed: box.sealed });
        // Kept for readAs and for checking that the box holds a key the admin can open.
        if (box.userId === ADMIN) this.keys.push(openSealedOrgKey(this.crypto.p, ORG, fromBase64(box.sealed), account.keyPair, { kind: key.kind, version: key.version }));
      }
    }
    return this.status();
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
      const record = this.records.get(item.id)!;
      const { collection, id } = item;
      if (item.keyVersion !== this.current[keyKindOf(collection)]) throw failure('ROTATION_OUTDATED', 409);
      if (record.keyVersion >= item.keyVersion) return { collection, id, status: 'unchanged' };
      if (record.version !== item.version) return { collection, id, status: 'stale', version: record.version };
      this.seq += 1;
      this.records.set(id, { ...record, version: record.version + 1, seq: this.seq, keyVersion: item.keyVersion, ciphertext: item.ciphertext });
      return { collection, id, status: 'rewrapped', version: record.version + 1, seq: this.seq };
    });
  }
}

function failure(code: ErrorCode, status: number): ApiError {
  return new ApiError(code, ERROR_MESSAGES[code], status);
}
