// Key rotation on the admin's device: new organisation key versions sealed to the members who
// stay, and records re-encrypted from an older version to the current one. Formats are those of
// docs/decisions/002-envelope-and-keys.md; the reasoning is in 011-member-exit-and-key-rotation.md.
import { Base64Error, fromBase64, toBase64 } from '../base64.ts';
import { keyKindOf } from '../collections.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import type { KeyKind, PublishKeysRequest, RemoteRecord, Rewrap, RotationRecipient } from '../protocol.ts';
import { openEnvelope, sealEnvelope, type EnvelopeContext } from './envelope.ts';
import { CryptoError } from './errors.ts';
import { generateOrgKey, sealOrgKey } from './keys.ts';
import { Keyring, type OrgKey } from './keyring.ts';

/** One fresh key per kind, numbered current + 1 (the server refuses any other number). */
export function nextKeyVersions(random: Random, keyring: Keyring, kinds: readonly KeyKind[]): OrgKey[] {
  return [...new Set(kinds)].map((kind) => generateOrgKey(random, kind, keyring.current(kind).version + 1));
}

/** The keyring with `added` keys: old versions stay, so records not yet re-encrypted stay readable. */
export function withKeys(keyring: Keyring, added: readonly OrgKey[]): Keyring {
  return new Keyring(keyring.organisationId, [...keyring.all(), ...added]);
}

/**
 * The publish request: each new key sealed to every recipient the server named for its kind
 * (RotationStatus.recipients), and to no one else. Throws RangeError on a bad public key.
 */
export function sealNewKeys(
  p: CryptoPrimitives,
  organisationId: string,
  newKeys: readonly OrgKey[],
  recipients: readonly RotationRecipient[],
): PublishKeysRequest {
  return {
    keys: newKeys.map((key) => ({
      kind: key.kind,
      version: key.version,
      sealed: recipients
        .filter((recipient) => recipient.kinds.includes(key.kind))
        .map((recipient) => ({
          userId: recipient.userId,
          sealed: toBase64(sealOrgKey(p, organisationId, key, decodePublicKey(recipient.publicKey))),
        })),
    })),
  };
}

function decodePublicKey(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch (error) {
    if (error instanceof Base64Error) throw new RangeError('recipient public key is not base64');
    throw error;
  }
}

/**
 * Opens `envelope` (made for `from`) and seals the very same plaintext bytes for the same
 * organisation, collection and record under `to`. The plaintext is not parsed: a re-encryption
 * cannot alter a record's content, only the key it is sealed with. Any failed check of the source
 * is a CryptoError (never a fallback); the plaintext copy is wiped before returning.
 */
export function reencryptEnvelope(
  p: CryptoPrimitives,
  random: Random,
  from: { key: Uint8Array; ctx: EnvelopeContext },
  to: { key: Uint8Array; keyVersion: number },
  envelope: Uint8Array,
): Uint8Array {
  if (to.keyVersion <= from.ctx.keyVersion) throw new RangeError(`re-encryption from version ${from.ctx.keyVersion} to ${to.keyVersion}`);
  const plaintext = openEnvelope(p, from.key, from.ctx, envelope);
  try {
    return sealEnvelope(p, random, to.key, { ...from.ctx, keyVersion: to.keyVersion }, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Re-encrypts a record read from the server under the current key of its collection's kind.
 * Throws CryptoError: KEY_UNKNOWN when this keyring lacks the record's version, and the
 * envelope's own errors when the stored ciphertext does not open.
 */
export function rewrapRecord(p: CryptoPrimitives, random: Random, keyring: Keyring, record: RemoteRecord): Rewrap {
  const kind = keyKindOf(record.collection);
  const current = keyring.current(kind);
  const source = keyring.get(kind, record.keyVersion);
  let envelope: Uint8Array;
  try {
    envelope = fromBase64(record.ciphertext);
  } catch (error) {
    if (error instanceof Base64Error) throw new CryptoError('MALFORMED', 'ciphertext is not base64');
    throw error;
  }
  const ctx = { organisationId: keyring.organisationId, collection: record.collection, recordId: record.id, keyVersion: record.keyVersion };
  const sealed = reencryptEnvelope(p, random, { key: source.key, ctx }, { key: current.key, keyVersion: current.version }, envelope);
  return { collection: record.collection, id: record.id, version: record.version, keyVersion: current.version, ciphertext: toBase64(sealed) };
}
