// Creates the synthetic organisation on a server through the real API, with real keys: the admin's
// key pair wrapped by a password-derived key, the synthetic `general` key (and a fresh `medical`
// one) sealed to the admin, and a recovery keyring. Returns the admin's session token.
import { toBase64, type CryptoPrimitives, type Random } from '@relais/core';
import {
  Keyring,
  deriveRecoveryKeys,
  derivePasswordKeys,
  generateOrgKey,
  generateUserKeyPair,
  newKdfParams,
  newRecoveryCode,
  sealOrgKey,
  type KdfProfileName,
  wrapKeyring,
  wrapPrivateKey,
} from '@relais/core/crypto/index';
import { SessionResponse, type CreateOrganisationRequest } from '@relais/core/protocol';
import type { SyntheticOrganisation } from './generator.ts';

export const BENCH_PASSWORD = 'Maraude du canal, mardi soir 2026 !';

/** The admin's e-mail address, also what the browser benchmarks log in with. */
export function adminEmail(org: SyntheticOrganisation): string {
  return `admin-${org.seed}-${org.size.toLowerCase()}@exemple.fr`;
}

/**
 * The server benchmarks use the low-memory Argon2id profile to keep set-up short (its cost is not
 * what they measure); the browser benchmarks log in as a real member does, with the default one.
 * The creator is a field worker, not a health professional, unless `healthProfessional`: then the
 * organisation has a medical key from its creation, sealed to them (decision 017).
 */
export function createOrganisationRequest(
  p: CryptoPrimitives,
  random: Random,
  org: SyntheticOrganisation,
  kdfProfile: KdfProfileName = 'low-memory',
  { healthProfessional = false }: { healthProfessional?: boolean } = {},
): CreateOrganisationRequest {
  const userId = org.memberIds[0]!;
  const kdf = newKdfParams(random, kdfProfile);
  const passwordKeys = derivePasswordKeys(p, BENCH_PASSWORD, kdf);
  const pair = generateUserKeyPair(p, random);
  const general = { kind: 'general' as const, version: org.generalKey.version, key: org.generalKey.key };
  const keys = healthProfessional ? [general, generateOrgKey(random, 'medical', 1)] : [general];
  const recoveryKeys = deriveRecoveryKeys(p, newRecoveryCode(random));
  const keyring = new Keyring(org.organisationId, keys);
  return {
    organisation: { id: org.organisationId, name: `Maraudes synthétiques ${org.size} (graine ${org.seed})` },
    user: { id: userId, name: 'Hélène Bénard', email: adminEmail(org), healthProfessional },
    credentials: {
      kdf,
      authKey: toBase64(passwordKeys.authKey),
      publicKey: toBase64(pair.publicKey),
      wrappedPrivateKey: toBase64(wrapPrivateKey(p, random, passwordKeys.encryptionKey, userId, pair.privateKey)),
    },
    keys: keys.map((k) => ({
      kind: k.kind,
      version: k.version,
      sealed: toBase64(sealOrgKey(p, org.organisationId, k, pair.publicKey)),
    })),
    recovery: {
      authKey: toBase64(recoveryKeys.authKey),
      wrappedKeys: toBase64(wrapKeyring(p, random, recoveryKeys.encryptionKey, keyring)),
    },
  };
}

/** POST /api/organisations; returns the session token of the admin. */
export async function createOrganisation(baseUrl: string, request: CreateOrganisationRequest): Promise<string> {
  const response = await fetch(`${baseUrl}/api/organisations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`POST /api/organisations: ${response.status} ${JSON.stringify(body)}`);
  return SessionResponse.parse(body).session.token;
}
