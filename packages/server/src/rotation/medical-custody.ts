// Who holds the medical key (docs/decisions/017-medical-key-custody.md): health professionals
// only. The first one creates it (bootstrap) when no active member holds its current version;
// a holder's device then seals the versions it holds to the active health professionals who
// lack them (grants). The server checks the rights and the recipients; it never sees a key.
import type { MedicalKeyBootstrapRequest, MedicalKeyGrantsRequest, MedicalKeyPendingMember, MedicalKeyState } from '@relais/core/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { journal } from '../journal/journal.ts';
import { requireStillActive } from '../sync/still-active.ts';
import { currentVersions } from './keys.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** 403 MEDICAL_FORBIDDEN unless the caller is a health professional. */
export function requireHealthProfessional(actor: Actor): void {
  if (!actor.healthProfessional) throw new HttpError(403, 'MEDICAL_FORBIDDEN');
}

/** Active health professionals of the organisation with their public key and the medical versions they hold. */
async function healthProfessionals(db: Executor, organisationId: string): Promise<{ id: string; publicKey: Buffer; versions: Set<number> }[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'public_key'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('health_professional', '=', true)
    .orderBy('id')
    .execute();
  const held = await db
    .selectFrom('sealed_keys')
    .select(['user_id', 'version'])
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', 'medical')
    .execute();
  const versions = new Map<string, Set<number>>();
  for (const row of held) {
    const set = versions.get(row.user_id) ?? new Set<number>();
    set.add(row.version);
    versions.set(row.user_id, set);
  }
  return users.flatMap((user) => (user.public_key === null ? [] : [{ id: user.id, publicKey: user.public_key, versions: versions.get(user.id) ?? new Set<number>() }]));
}

/**
 * Where the medical key stands for this health professional: the current version, whether no
 * active health professional holds it (the caller then creates the next one), and, when the caller
 * holds it, who lacks which of the versions the caller holds.
 */
export async function medicalKeyState(db: Executor, actor: Actor): Promise<MedicalKeyState> {
  const current = (await currentVersions(db, actor.organisationId)).medical;
  const members = await healthProfessionals(db, actor.organisationId);
  // Only health professionals may hold it: a stray row of anyone else counts for nothing.
  const bootstrapNeeded = current === 0 || !members.some((member) => member.versions.has(current));
  const mine = members.find((member) => member.id === actor.userId)?.versions ?? new Set<number>();
  const pending: MedicalKeyPendingMember[] = [];
  if (mine.has(current)) {
    for (const member of members) {
      const missing = [...mine].filter((version) => !member.versions.has(version)).sort((a, b) => a - b);
      if (member.id !== actor.userId && missing.length > 0) pending.push({ userId: member.id, publicKey: member.publicKey.toString('base64'), missing });
    }
  }
  return { currentVersion: current, bootstrapNeeded, pending };
}

/**
 * Creates medical version current + 1 sealed to the caller (and to the other health
 * professionals named), when no active health professional holds the current one. Two devices
 * racing: the organisation lock orders them, the second finds a holder and gets 409
 * MEDICAL_KEY_HELD (its member then waits for a grant).
 */
export async function bootstrapMedicalKey(trx: Transaction<DB>, actor: Actor, request: MedicalKeyBootstrapRequest): Promise<void> {
  const orgId = actor.organisationId;
  await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().execute();
  await requireStillActive(trx, actor);
  const state = await medicalKeyState(trx, actor);
  if (!state.bootstrapNeeded) throw new HttpError(409, 'MEDICAL_KEY_HELD', { currentVersion: state.currentVersion });
  if (request.version !== state.currentVersion + 1) throw new HttpError(409, 'ROTATION_OUTDATED', { kind: 'medical', currentVersion: state.currentVersion });
  const members = new Set((await healthProfessionals(trx, orgId)).map((member) => member.id));
  const given = new Set<string>();
  request.sealed.forEach((box, index) => {
    if (given.has(box.userId)) throw invalid(`/sealed/${index}/userId`, 'duplicate_recipient');
    if (!members.has(box.userId)) throw invalid(`/sealed/${index}/userId`, 'not_a_recipient');
    given.add(box.userId);
  });
  if (!given.has(actor.userId)) throw invalid('/sealed', 'caller_missing');
  await trx.insertInto('org_keys').values({ organisation_id: orgId, kind: 'medical', version: request.version }).execute();
  await trx
    .insertInto('sealed_keys')
    .values(request.sealed.map((box) => ({ organisation_id: orgId, user_id: box.userId, kind: 'medical' as const, version: request.version, sealed: Buffer.from(box.sealed, 'base64') })))
    .execute();
  await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'medical_key_created', count: request.sealed.length });
}

/**
 * Stores medical versions sealed by a holder to active health professionals. The caller must hold
 * the current version and each version granted; a box already there is left as it is (a retried
 * request writes nothing and journals nothing).
 */
export async function grantMedicalKeys(trx: Transaction<DB>, actor: Actor, request: MedicalKeyGrantsRequest): Promise<void> {
  const orgId = actor.organisationId;
  // Serialised with rotations (a new version) and revocations of the organisation.
  await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().execute();
  await requireStillActive(trx, actor);
  const current = (await currentVersions(trx, orgId)).medical;
  const members = await healthProfessionals(trx, orgId);
  const mine = members.find((member) => member.id === actor.userId)?.versions ?? new Set<number>();
  if (!mine.has(current)) throw new HttpError(403, 'FORBIDDEN', { reason: 'key_not_held', kind: 'medical' });
  const recipients = new Set(members.map((member) => member.id));
  const seen = new Set<string>();
  request.grants.forEach((grant, index) => {
    const id = `${grant.userId}:${grant.version}`;
    if (seen.has(id)) throw invalid(`/grants/${index}`, 'duplicate_grant');
    seen.add(id);
    if (!mine.has(grant.version)) throw new HttpError(403, 'FORBIDDEN', { reason: 'key_not_held', kind: 'medical', path: `/grants/${index}/version` });
    if (!recipients.has(grant.userId)) throw invalid(`/grants/${index}/userId`, 'not_a_recipient');
  });
  const inserted = await trx
    .insertInto('sealed_keys')
    .values(request.grants.map((grant) => ({ organisation_id: orgId, user_id: grant.userId, kind: 'medical' as const, version: grant.version, sealed: Buffer.from(grant.sealed, 'base64') })))
    .onConflict((conflict) => conflict.columns(['organisation_id', 'user_id', 'kind', 'version']).doNothing())
    .returning('user_id')
    .execute();
  const counts = new Map<string, number>();
  for (const row of inserted) counts.set(row.user_id, (counts.get(row.user_id) ?? 0) + 1);
  // One line per member who received something: who sealed the key to whom, how many versions.
  for (const [userId, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'medical_key_granted', subjectId: userId, count });
  }
}
