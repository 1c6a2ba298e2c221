// The page's part of a rotation, before the Worker re-encrypts: read where the rotation stands,
// open every key version sealed to this administrator (GET /api/keys, not the session's copy,
// which may predate a rotation made elsewhere), and publish new versions of the kinds a revoked
// member held, sealed to every remaining recipient. Then say which kinds the Worker must walk.
import { fromBase64 } from '@relais/core/base64';
import { Keyring, openSealedOrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import { nextKeyVersions, sealNewKeys, withKeys } from '@relais/core/crypto/rotation';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import type { KeyKind, KeysResponse, PublishKeysRequest, RotationStatus } from '@relais/core/protocol';
import { ApiError } from '../api/errors.ts';
import type { KindCount } from './progress.ts';

export interface PrepareApi {
  status(): Promise<RotationStatus>;
  keys(): Promise<KeysResponse>;
  publish(request: PublishKeysRequest): Promise<RotationStatus>;
}

export interface RotationPlan {
  /** Every version this administrator holds, new ones included; the caller zeroes it. */
  keyring: Keyring;
  /** Kinds with records left under an older version that this device can re-encrypt, with the server's counts. */
  work: Partial<Record<KeyKind, KindCount>>;
  /** Kinds due or unfinished whose current key this administrator does not hold. */
  blocked: KeyKind[];
  /** New key versions were published by this call. */
  published: boolean;
}

/** Another administrator publishing at the same moment answers 409; this many fresh tries, then the error shows. */
const PUBLISH_ATTEMPTS = 3;

/** Whether the status asks for anything: a publication, or records still under an older version. */
export function rotationDue(status: RotationStatus, kinds: readonly KeyKind[] = ['general', 'medical']): boolean {
  return status.kinds.some((kind) => kinds.includes(kind.kind) && (kind.rotationNeeded || kind.remaining > 0));
}

export async function prepareRotation(
  api: PrepareApi,
  p: CryptoPrimitives,
  random: Random,
  organisationId: string,
  keyPair: UserKeyPair,
  onPublishing: () => void,
  /**
   * The kinds this member may rotate: the general key is an administrator's, the medical key a
   * health professional's (decision 017). A kind outside the list is neither published nor walked.
   */
  kinds: readonly KeyKind[] = ['general', 'medical'],
): Promise<RotationPlan> {
  for (let attempt = 1; ; attempt++) {
    const [status, sealed] = await Promise.all([api.status(), api.keys()]);
    const keyring = new Keyring(
      organisationId,
      sealed.keys.map((k) => openSealedOrgKey(p, organisationId, fromBase64(k.sealed), keyPair, { kind: k.kind, version: k.version })),
    );
    const holds = (kind: { kind: KeyKind; currentVersion: number }) => keyring.has(kind.kind, kind.currentVersion);
    const due = status.kinds.filter((kind) => kinds.includes(kind.kind) && kind.rotationNeeded && holds(kind)).map((kind) => kind.kind);
    if (due.length === 0) return plan(keyring, status, false, kinds);
    onPublishing();
    const added = nextKeyVersions(random, keyring, due);
    try {
      const after = await api.publish(sealNewKeys(p, organisationId, added, status.recipients));
      return plan(withKeys(keyring, added), after, true, kinds);
    } catch (error) {
      for (const k of [...keyring.all(), ...added]) k.key.fill(0);
      // Another administrator published first (or this one did and the answer was lost): the
      // versions now on the server are sealed to this administrator too; read them again.
      if (error instanceof ApiError && error.code === 'ROTATION_OUTDATED' && attempt < PUBLISH_ATTEMPTS) continue;
      throw error;
    }
  }
}

function plan(keyring: Keyring, status: RotationStatus, published: boolean, kinds: readonly KeyKind[]): RotationPlan {
  const work: Partial<Record<KeyKind, KindCount>> = {};
  const blocked: KeyKind[] = [];
  for (const kind of status.kinds) {
    if (!kinds.includes(kind.kind)) continue;
    const pending = kind.rotationNeeded || kind.remaining > 0;
    if (!keyring.has(kind.kind, kind.currentVersion)) {
      if (pending) blocked.push(kind.kind);
    } else if (kind.remaining > 0) {
      work[kind.kind] = { done: kind.total - kind.remaining, total: kind.total, failed: 0 };
    }
  }
  return { keyring, work, blocked, published };
}
