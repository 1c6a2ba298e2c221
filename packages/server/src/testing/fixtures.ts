// Test data shaped like what real clients send. The server never decrypts, so keys, sealed keys
// and ciphertexts are random bytes with the right shape (envelopes: format byte 1, key version).
import { randomBytes, randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type Change, type CreateOrganisationRequest, type Credentials, type MedicalKeyState, type Role, type RotationStatus, type SessionResponse } from '@relais/core/protocol';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { TABLES, type DB } from '../db/schema.ts';

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const randomB64 = (length: number): string => b64(randomBytes(length));

/** Random bytes laid out like a core envelope: [1][key version u32 BE][24-byte nonce][body + 16-byte tag]. */
export function envelope(keyVersion = 1, bodyBytes = 64): string {
  const bytes = randomBytes(1 + 4 + 24 + bodyBytes + 16);
  bytes[0] = 1;
  bytes.writeUInt32BE(keyVersion, 1);
  return b64(bytes);
}

/** Time-ordered ids like the clients' UUIDv7 are not needed here: any UUID is accepted. */
export const uuid = (): string => randomUUID();

let counter = 0;
export const uniqueEmail = (label = 'user'): string => `${label}.${Date.now().toString(36)}.${(counter++).toString(36)}${randomBytes(3).toString('hex')}@example.org`;

export interface TestCredentials {
  readonly request: Credentials;
  readonly authKey: string;
}

export function makeCredentials(): TestCredentials {
  const authKey = randomB64(32);
  return {
    authKey,
    request: {
      kdf: { algorithm: 'argon2id13', salt: randomB64(16), opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 },
      authKey,
      publicKey: randomB64(32),
      wrappedPrivateKey: envelope(1, 32),
    },
  };
}

export const sealed = (): string => randomB64(80);

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly json: <T = Record<string, unknown>>() => T;
  readonly code: string | undefined;
  readonly headers: Record<string, unknown>;
}

export interface CallOptions {
  readonly token?: string | undefined;
  readonly headers?: Record<string, string>;
  /** Raw payload (string) instead of a JSON-encoded body. */
  readonly raw?: string | Buffer;
  readonly remoteAddress?: string;
}

export async function call(app: FastifyInstance, method: InjectOptions['method'], url: string, body?: unknown, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let payload: string | Buffer | undefined;
  if (options.raw !== undefined) payload = options.raw;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const response = await app.inject({ method, url, headers, remoteAddress: options.remoteAddress ?? '127.0.0.1', ...(payload === undefined ? {} : { payload }) });
  let parsed: unknown = undefined;
  if (response.body.length > 0 && String(response.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(response.body);
  const code = (parsed as { error?: { code?: string } } | undefined)?.error?.code;
  return { status: response.statusCode, body: parsed, json: <T,>() => parsed as T, code, headers: response.headers };
}

/** Asserts an error answer: status, stable code, and the French message from core. */
export function expectError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.code }).toEqual({ status, code });
  const body = reply.json<{ error: { message: string } }>();
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
}

export interface TestUser {
  readonly organisationId: string;
  readonly userId: string;
  readonly email: string;
  readonly token: string;
  readonly credentials: TestCredentials;
}

export interface TestOrganisation {
  readonly id: string;
  readonly name: string;
  readonly admin: TestUser;
  readonly recoveryAuthKey: string;
  readonly recoveryWrappedKeys: string;
  readonly session: SessionResponse;
}

export function organisationRequest(overrides: Partial<{ orgId: string; userId: string; email: string; healthProfessional: boolean }> = {}): {
  request: CreateOrganisationRequest;
  credentials: TestCredentials;
  recoveryAuthKey: string;
} {
  const credentials = makeCredentials();
  const recoveryAuthKey = randomB64(32);
  return {
    credentials,
    recoveryAuthKey,
    request: {
      organisation: { id: overrides.orgId ?? uuid(), name: 'Maraude du Nord' },
      user: { id: overrides.userId ?? uuid(), name: 'Camille Admin', email: overrides.email ?? uniqueEmail('admin'), healthProfessional: overrides.healthProfessional ?? false },
      credentials: credentials.request,
      // The medical key exists from the creation only when the creator is a health professional (decision 017).
      keys: overrides.healthProfessional
        ? [
            { kind: 'general', version: 1, sealed: sealed() },
            { kind: 'medical', version: 1, sealed: sealed() },
          ]
        : [{ kind: 'general', version: 1, sealed: sealed() }],
      recovery: { authKey: recoveryAuthKey, wrappedKeys: envelope(1, 200) },
    },
  };
}

/** By default the creator is an administrator who is not a health professional (no medical key yet). */
export async function createOrganisation(app: FastifyInstance, options: { healthProfessional?: boolean } = {}): Promise<TestOrganisation> {
  const { request, credentials, recoveryAuthKey } = organisationRequest({ healthProfessional: options.healthProfessional ?? false });
  const reply = await call(app, 'POST', '/api/organisations', request);
  expect(reply.status).toBe(201);
  const session = reply.json<SessionResponse>();
  return {
    id: request.organisation.id,
    name: request.organisation.name,
    recoveryAuthKey,
    recoveryWrappedKeys: request.recovery.wrappedKeys,
    session,
    admin: { organisationId: request.organisation.id, userId: request.user.id, email: request.user.email, token: session.session.token, credentials },
  };
}

export interface InviteOptions {
  readonly role?: Role;
  readonly healthProfessional?: boolean;
  readonly confirm?: boolean;
  readonly teamIds?: string[];
  /** A confirmed health professional gets the medical key (created or granted) unless false. */
  readonly medicalKey?: boolean;
}

/** Invitation, acceptance and (by default) confirmation with a sealed general key. */
export async function addMember(app: FastifyInstance, org: TestOrganisation, options: InviteOptions = {}): Promise<TestUser> {
  const email = uniqueEmail(options.role ?? 'member');
  const invited = await call(
    app,
    'POST',
    '/api/invitations',
    { email, role: options.role ?? 'member', healthProfessional: options.healthProfessional ?? false, teamIds: options.teamIds ?? [] },
    { token: org.admin.token },
  );
  expect(invited.status).toBe(201);
  const { invitation, secret } = invited.json<{ invitation: { id: string }; secret: string }>();
  const credentials = makeCredentials();
  const userId = uuid();
  const accepted = await call(app, 'POST', `/api/invitations/${invitation.id}/accept`, {
    secret,
    user: { id: userId, name: 'Dominique Membre' },
    credentials: credentials.request,
  });
  expect(accepted.status).toBe(201);
  const token = accepted.json<SessionResponse>().session.token;
  const user = { organisationId: org.id, userId, email, token, credentials };
  if (options.confirm ?? true) {
    // The administrator seals the general key; the medical key comes from a health professional.
    const status = (await call(app, 'GET', '/api/rotation', undefined, { token: org.admin.token })).json<RotationStatus>();
    const general = status.kinds.find((k) => k.kind === 'general')?.currentVersion ?? 1;
    const keys = [{ kind: 'general', version: general, sealed: sealed() }];
    const confirmed = await call(app, 'POST', `/api/members/${userId}/confirm`, { keys }, { token: org.admin.token });
    expect(confirmed.status).toBe(200);
    if (options.healthProfessional && (options.medicalKey ?? true)) await receiveMedicalKey(app, org, user);
  }
  return user;
}

/** The organisation's health professionals who hold the medical key, as the fixtures made them. */
const medicalHolders = new WeakMap<TestOrganisation, TestUser[]>();

/**
 * What a health professional's device does at its first connection (decision 017): create the
 * medical key when nobody holds it, else get the versions sealed by a holder's device.
 */
export async function receiveMedicalKey(app: FastifyInstance, org: TestOrganisation, user: TestUser): Promise<void> {
  const holders = medicalHolders.get(org) ?? [];
  const state = (await call(app, 'GET', '/api/keys/medical/pending', undefined, { token: user.token })).json<MedicalKeyState>();
  if (state.bootstrapNeeded) {
    const created = await call(app, 'POST', '/api/keys/medical', { version: state.currentVersion + 1, sealed: [{ userId: user.userId, sealed: sealed() }] }, { token: user.token });
    expect(created.status).toBe(200);
  } else {
    const holder = holders.find((h) => h.userId !== user.userId) ?? org.admin;
    const pending = (await call(app, 'GET', '/api/keys/medical/pending', undefined, { token: holder.token })).json<MedicalKeyState>();
    const mine = pending.pending.find((p) => p.userId === user.userId);
    expect(mine).toBeDefined();
    const grants = mine!.missing.map((version) => ({ userId: user.userId, version, sealed: sealed() }));
    const granted = await call(app, 'POST', '/api/keys/medical/grants', { grants }, { token: holder.token });
    expect(granted.status).toBe(200);
  }
  medicalHolders.set(org, [...holders, user]);
}

export function newChange(overrides: Partial<Change> = {}): Change {
  return {
    changeId: uuid(),
    collection: 'person',
    id: uuid(),
    baseVersion: 0,
    keyVersion: 1,
    deleted: false,
    ciphertext: envelope(overrides.keyVersion ?? 1),
    ...overrides,
  };
}

export const push = (app: FastifyInstance, token: string, changes: Change[]) =>
  call(app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes }, { token });

export const pull = (app: FastifyInstance, token: string, since = 0, limit = 1000) =>
  call(app, 'GET', `/api/sync/pull?since=${since}&limit=${limit}`, undefined, { token });

/**
 * A digest of every row of every table. Equal before and after a refused request proves that
 * nothing was written.
 */
export async function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await sql<{ digest: string | null; n: number }>`
      SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS n FROM ${sql.table(table)} AS t
    `.execute(db);
    const row = result.rows[0];
    out[table] = `${row?.n ?? 0}:${row?.digest ?? ''}`;
  }
  return out;
}

/** Runs `act` and asserts the database is byte-for-byte unchanged afterwards. */
export async function expectNothingWritten(db: Kysely<DB>, act: () => Promise<void>, ignore: readonly string[] = []): Promise<void> {
  const strip = (digest: Record<string, string>) => Object.fromEntries(Object.entries(digest).filter(([table]) => !ignore.includes(table)));
  const before = strip(await fingerprint(db));
  await act();
  expect(strip(await fingerprint(db))).toEqual(before);
}
