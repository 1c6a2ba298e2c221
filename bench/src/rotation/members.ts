// The people of the rotation benchmark, made through the real API with real keys: the
// administrator (who creates the synthetic organisation and keeps its keyring, as their device
// does once unlocked), members invited, accepted with their own key pair and confirmed with the
// general key sealed to them, and the revocation of one of them.
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
  wrapKeyring,
  wrapPrivateKey,
  type PasswordKeys,
} from '@relais/core/crypto/index';
import { CreateInvitationResponse, SessionResponse, type CreateOrganisationRequest, type Credentials, type KdfParams } from '@relais/core/protocol';
import { BENCH_PASSWORD } from '../account.ts';
import type { SyntheticOrganisation } from '../generator.ts';

export interface Admin {
  userId: string;
  token: string;
  /** Every key version the administrator's device holds: new versions are added as they are published. */
  keyring: Keyring;
}

export interface Member {
  userId: string;
  email: string;
}

async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 500)}`);
  return text.length === 0 ? undefined : (JSON.parse(text) as unknown);
}

/** The organisation with the synthetic `general` key (its records are sealed with it) and a fresh `medical` one. */
export async function createAdmin(p: CryptoPrimitives, random: Random, org: SyntheticOrganisation, baseUrl: string): Promise<Admin> {
  const userId = org.memberIds[0]!;
  const kdf = newKdfParams(random, 'low-memory');
  const passwordKeys = derivePasswordKeys(p, BENCH_PASSWORD, kdf);
  const pair = generateUserKeyPair(p, random);
  const general = { kind: 'general' as const, version: org.generalKey.version, key: org.generalKey.key };
  const medical = generateOrgKey(random, 'medical', 1);
  const keyring = new Keyring(org.organisationId, [general, medical]);
  const recoveryKeys = deriveRecoveryKeys(p, newRecoveryCode(random));
  const request: CreateOrganisationRequest = {
    organisation: { id: org.organisationId, name: `Maraudes synthétiques ${org.size} (graine ${org.seed}), rotation` },
    // A health professional: holds the medical key from the creation, as the benchmarks expect (decision 017).
    user: { id: userId, name: 'Hélène Bénard', email: `admin-rotation-${org.seed}-${org.size.toLowerCase()}@exemple.fr`, healthProfessional: true },
    credentials: credentials(p, random, kdf, passwordKeys, userId, pair),
    keys: keyring.all().map((key) => ({ kind: key.kind, version: key.version, sealed: toBase64(sealOrgKey(p, org.organisationId, key, pair.publicKey)) })),
    recovery: { authKey: toBase64(recoveryKeys.authKey), wrappedKeys: toBase64(wrapKeyring(p, random, recoveryKeys.encryptionKey, keyring)) },
  };
  const session = SessionResponse.parse(await post(baseUrl, '/api/organisations', request));
  return { userId, token: session.session.token, keyring };
}

function credentials(
  p: CryptoPrimitives,
  random: Random,
  kdf: KdfParams,
  passwordKeys: PasswordKeys,
  userId: string,
  pair: { publicKey: Uint8Array; privateKey: Uint8Array },
): Credentials {
  return {
    kdf,
    authKey: toBase64(passwordKeys.authKey),
    publicKey: toBase64(pair.publicKey),
    wrappedPrivateKey: toBase64(wrapPrivateKey(p, random, passwordKeys.encryptionKey, userId, pair.privateKey)),
  };
}

/**
 * `count` members (role member, not health professionals): each invited by the administrator,
 * accepted with a key pair of their own, confirmed with every general key version the
 * administrator holds. They share one password (one Argon2id run for all: its cost is not what
 * is measured); each private key is wrapped for its own user id.
 */
export async function addMembers(p: CryptoPrimitives, random: Random, org: SyntheticOrganisation, admin: Admin, baseUrl: string, count: number): Promise<Member[]> {
  const kdf = newKdfParams(random, 'low-memory');
  const passwordKeys = derivePasswordKeys(p, BENCH_PASSWORD, kdf);
  const members: Member[] = [];
  for (let i = 1; i <= count; i++) {
    const email = `membre-${i}-rotation-${org.seed}-${org.size.toLowerCase()}@exemple.fr`;
    const invited = CreateInvitationResponse.parse(await post(baseUrl, '/api/invitations', { email, role: 'member', healthProfessional: false, teamIds: [] }, admin.token));
    const userId = crypto.randomUUID();
    const pair = generateUserKeyPair(p, random);
    await post(baseUrl, `/api/invitations/${invited.invitation.id}/accept`, {
      secret: invited.secret,
      user: { id: userId, name: `Bénévole ${i}` },
      credentials: credentials(p, random, kdf, passwordKeys, userId, pair),
    });
    const keys = admin.keyring
      .all()
      .filter((key) => key.kind === 'general')
      .map((key) => ({ kind: key.kind, version: key.version, sealed: toBase64(sealOrgKey(p, org.organisationId, key, pair.publicKey)) }));
    await post(baseUrl, `/api/members/${userId}/confirm`, { keys }, admin.token);
    members.push({ userId, email });
  }
  return members;
}

export async function revoke(admin: Admin, baseUrl: string, member: Member): Promise<void> {
  await post(baseUrl, `/api/members/${member.userId}/revoke`, {}, admin.token);
}
