// The account operations that need keys: each derives, generates or opens keys on this device and
// sends the server only public keys, wrapped keys and the auth key.
import { fromBase64, toBase64 } from '@relais/core/base64';
import { uuidv7 } from '@relais/core/uuid';
import type { Credentials, Me, SessionResponse } from '@relais/core/protocol';
import { generateOrgKey, generateUserKeyPair, Keyring, wrapPrivateKey, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import { deriveRecoveryKeys, newRecoveryCode, unwrapKeyring, wrapKeyring } from '@relais/core/crypto/recovery';
import { isCryptoError } from '@relais/core/crypto/errors';
import type { ApiClient } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { deriveKeys, openKeys } from '../crypto/kdf.ts';
import { sealedAccount } from '../crypto/sealed-account.ts';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { systemClock } from './clock.ts';
import { kindsFor, sealKeysFor } from './keys.ts';

export interface OpenedAccount {
  session: SessionResponse['session'];
  me: Me;
  keyPair: UserKeyPair;
  /** The auth key, kept in memory while unlocked to renew an expired session token. */
  authKey: string;
  /** The organisation keys of `me`, when the flow opened them already (in the KDF worker). */
  orgKeys?: OrgKey[];
}

export const WRONG_PASSWORD = 'Mot de passe incorrect.';
export const RECOVERY_CODE_INVALID = 'Ce code de secours est mal formé : il compte 25 caractères (lettres et chiffres).';

/** A new password: fresh salt, keys and a new key pair wrapped under the password. */
async function newCredentials(password: string, userId: string): Promise<{ credentials: Credentials; keyPair: UserKeyPair }> {
  const p = await loadPrimitives();
  const derived = await deriveKeys({ op: 'new', password });
  if (!derived.kdf) throw new Error('KDF parameters missing');
  const keyPair = generateUserKeyPair(p, random);
  const wrapped = wrapPrivateKey(p, random, derived.encryptionKey, userId, keyPair.privateKey);
  derived.encryptionKey.fill(0);
  return {
    keyPair,
    credentials: {
      kdf: derived.kdf,
      authKey: toBase64(derived.authKey),
      publicKey: toBase64(keyPair.publicKey),
      wrappedPrivateKey: toBase64(wrapped),
    },
  };
}

export interface CreatedOrganisation extends OpenedAccount {
  recoveryCode: string;
}

export async function createOrganisation(
  api: ApiClient,
  input: { organisationName: string; name: string; email: string; healthProfessional: boolean; password: string },
): Promise<CreatedOrganisation> {
  const p = await loadPrimitives();
  const organisationId = uuidv7(systemClock, random);
  const userId = uuidv7(systemClock, random);
  const { credentials, keyPair } = await newCredentials(input.password, userId);
  // The medical key exists from the start only for a creator who is a health professional; otherwise
  // the first health professional's device creates it (decision 017).
  const keys = [generateOrgKey(random, 'general', 1)];
  if (input.healthProfessional) keys.push(generateOrgKey(random, 'medical', 1));
  const keyring = new Keyring(organisationId, keys);
  const recoveryCode = newRecoveryCode(random);
  const recovery = deriveRecoveryKeys(p, recoveryCode);
  const wrappedKeys = wrapKeyring(p, random, recovery.encryptionKey, keyring);
  const response = await api.createOrganisation({
    organisation: { id: organisationId, name: input.organisationName },
    user: { id: userId, name: input.name, email: input.email, healthProfessional: input.healthProfessional },
    credentials,
    keys: sealKeysFor(p, keyring, keyPair.publicKey, kindsFor(input.healthProfessional)),
    recovery: { authKey: toBase64(recovery.authKey), wrappedKeys: toBase64(wrappedKeys) },
  });
  recovery.encryptionKey.fill(0);
  for (const k of keyring.all()) k.key.fill(0);
  return { ...response, keyPair, authKey: credentials.authKey, recoveryCode };
}

/** Opens the private key and the organisation keys of a Me (cached or fresh) with the password; works offline. */
export async function unlockWithPassword(me: Me, password: string): Promise<{ keyPair: UserKeyPair; authKey: string; orgKeys: OrgKey[] }> {
  try {
    const opened = await openKeys({ op: 'unlock', password, kdf: me.kdf, account: sealedAccount(me) });
    if (opened.authKey === null) throw new Error('unlock without an auth key');
    return { keyPair: { publicKey: opened.publicKey, privateKey: opened.privateKey }, authKey: opened.authKey, orgKeys: opened.orgKeys };
  } catch (error) {
    if (isCryptoError(error, 'DECRYPT_FAILED')) throw new ApiError('INVALID_CREDENTIALS', WRONG_PASSWORD, 0);
    throw error;
  }
}

export async function login(api: ApiClient, email: string, password: string): Promise<OpenedAccount> {
  const { kdf } = await api.prelogin(email);
  const derived = await deriveKeys({ op: 'derive', password, kdf });
  try {
    const authKey = toBase64(derived.authKey);
    const response = await api.login(email, authKey);
    const opened = await openKeys({ op: 'open', encryptionKey: derived.encryptionKey, account: sealedAccount(response.me) });
    return { ...response, keyPair: { publicKey: opened.publicKey, privateKey: opened.privateKey }, authKey, orgKeys: opened.orgKeys };
  } finally {
    derived.encryptionKey.fill(0);
  }
}

/** Recovery code → the organisation keys → a new password and key pair for this account. */
export async function recoverAccount(api: ApiClient, input: { email: string; code: string; password: string }): Promise<OpenedAccount> {
  const p = await loadPrimitives();
  let recovery;
  try {
    recovery = deriveRecoveryKeys(p, input.code);
  } catch (error) {
    if (isCryptoError(error, 'MALFORMED')) throw new ApiError('VALIDATION_FAILED', RECOVERY_CODE_INVALID, 0);
    throw error;
  }
  const recoveryAuthKey = toBase64(recovery.authKey);
  const opened = await api.recoveryOpen(input.email, recoveryAuthKey);
  const keyring = unwrapKeyring(p, recovery.encryptionKey, opened.organisationId, fromBase64(opened.wrappedKeys));
  recovery.encryptionKey.fill(0);
  const { credentials, keyPair } = await newCredentials(input.password, opened.userId);
  const keys = sealKeysFor(p, keyring, keyPair.publicKey, kindsFor(true));
  for (const k of keyring.all()) k.key.fill(0);
  const response = await api.recoveryReset({ email: input.email, authKey: recoveryAuthKey, credentials, keys });
  return { ...response, keyPair, authKey: credentials.authKey };
}

export async function acceptInvitation(
  api: ApiClient,
  input: { invitationId: string; secret: string; name: string; password: string },
): Promise<OpenedAccount> {
  const userId = uuidv7(systemClock, random);
  const { credentials, keyPair } = await newCredentials(input.password, userId);
  const response = await api.acceptInvitation(input.invitationId, {
    secret: input.secret,
    user: { id: userId, name: input.name },
    credentials,
  });
  return { ...response, keyPair, authKey: credentials.authKey };
}
