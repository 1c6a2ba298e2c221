// A health professional's device looks after the medical key (docs/decisions/017-medical-key-custody.md):
// after login, unlock and each sync it asks where the key stands (one GET), creates it when no
// active member holds its current version, and seals the versions it holds to the health
// professionals who lack them. Nobody else's device ever does this: only health professionals
// hold the medical key.
import { fromBase64, toBase64 } from '@relais/core/base64';
import { generateOrgKey, openSealedOrgKey, sealOrgKey, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import type { KeysResponse, MedicalKeyBootstrapRequest, MedicalKeyGrantsRequest, MedicalKeyState } from '@relais/core/protocol';
import { ApiError } from '../api/errors.ts';

/** The calls it makes (ApiClient in the browser, a fake in tests). */
export interface CustodyApi {
  medicalKeyState(): Promise<MedicalKeyState>;
  bootstrapMedicalKey(request: MedicalKeyBootstrapRequest): Promise<MedicalKeyState>;
  grantMedicalKeys(request: MedicalKeyGrantsRequest): Promise<MedicalKeyState>;
  keys(): Promise<KeysResponse>;
}

export type CustodyOutcome =
  /** This device created a new medical version: the session must reload its keys. */
  | 'created'
  /** Someone else holds the current version and this session lacks it: a holder will seal it (reload keys to see if they did). */
  | 'waiting'
  /** Versions were sealed to other health professionals. */
  | 'granted'
  | 'nothing';

export interface CustodyParams {
  organisationId: string;
  /** This member: the new version is sealed to them. */
  userId: string;
  keyPair: UserKeyPair;
  /** Whether this session already holds medical key `version`. */
  holds(version: number): boolean;
}

/**
 * `primitives` loads libsodium, only when something must be sealed: after most syncs there is
 * nothing to do, and compiling it on the page's main thread is what decision 015 keeps off it.
 */
export async function tendMedicalKey(api: CustodyApi, primitives: () => Promise<CryptoPrimitives>, random: Random, params: CustodyParams): Promise<CustodyOutcome> {
  let state = await api.medicalKeyState();
  let created = false;
  if (state.bootstrapNeeded) {
    const key = generateOrgKey(random, 'medical', state.currentVersion + 1);
    try {
      const sealed = toBase64(sealOrgKey(await primitives(), params.organisationId, key, params.keyPair.publicKey));
      state = await api.bootstrapMedicalKey({ version: key.version, sealed: [{ userId: params.userId, sealed }] });
      created = true;
    } catch (error) {
      // Another health professional's device created it first: this member waits for a grant.
      if (error instanceof ApiError && (error.code === 'MEDICAL_KEY_HELD' || error.code === 'ROTATION_OUTDATED')) return 'waiting';
      throw error;
    } finally {
      key.key.fill(0);
    }
  }
  if (state.pending.length > 0) {
    await grant(api, await primitives(), params, state);
    return created ? 'created' : 'granted';
  }
  if (created) return 'created';
  return state.currentVersion > 0 && !params.holds(state.currentVersion) ? 'waiting' : 'nothing';
}

/** Seals each missing version to each pending member, from the keys the server holds for this member. */
async function grant(api: CustodyApi, p: CryptoPrimitives, params: CustodyParams, state: MedicalKeyState): Promise<void> {
  // GET /api/keys rather than the session's copy, which may predate the version just created.
  const { keys } = await api.keys();
  const opened = new Map<number, OrgKey>();
  try {
    for (const sealed of keys) {
      if (sealed.kind !== 'medical') continue;
      opened.set(sealed.version, openSealedOrgKey(p, params.organisationId, fromBase64(sealed.sealed), params.keyPair, { kind: 'medical', version: sealed.version }));
    }
    const grants = state.pending.flatMap((member) => {
      const publicKey = fromBase64(member.publicKey);
      return member.missing.flatMap((version) => {
        const key = opened.get(version);
        return key === undefined ? [] : [{ userId: member.userId, version, sealed: toBase64(sealOrgKey(p, params.organisationId, key, publicKey)) }];
      });
    });
    if (grants.length > 0) await api.grantMedicalKeys({ grants });
  } finally {
    for (const key of opened.values()) key.key.fill(0);
  }
}
