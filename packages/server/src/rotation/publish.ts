// Publishing new key versions after a member left: one transaction that checks the versions
// follow the current ones and that each is sealed to exactly the members who must get it. The
// general kind is an administrator's, the medical kind a health professional's (decision 017).
import type { KeyKind, PublishKeysRequest } from '@relais/core/protocol';
import type { Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { journal } from '../journal/journal.ts';
import { requireStillActive } from '../sync/still-active.ts';
import { currentVersions, requireCurrentKey, requireKindRights, rotationRecipients } from './keys.ts';

/** Throws HttpError (nothing written) unless every rule holds; the caller's transaction commits it all. */
export async function publishKeys(trx: Transaction<DB>, actor: Actor, request: PublishKeysRequest): Promise<void> {
  const orgId = actor.organisationId;
  // Serialises rotations (and confirmations, revocations, pushes) of the organisation.
  await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().execute();
  await requireStillActive(trx, actor);
  const current = await currentVersions(trx, orgId);
  const recipients = await rotationRecipients(trx, orgId);
  const seenKinds = new Set<KeyKind>();
  for (const [index, key] of request.keys.entries()) {
    if (seenKinds.has(key.kind)) throw invalid(`/keys/${index}/kind`, 'duplicate_kind');
    seenKinds.add(key.kind);
    // General: administrators; medical: health professionals (decision 017).
    requireKindRights(actor, key.kind);
    // Another administrator rotated meanwhile (or the client read an old status).
    if (key.version !== current[key.kind] + 1) throw new HttpError(409, 'ROTATION_OUTDATED', { kind: key.kind, currentVersion: current[key.kind] });
    await requireCurrentKey(trx, orgId, actor.userId, key.kind, current[key.kind]);
    const expected = new Set(recipients.filter((recipient) => recipient.kinds.includes(key.kind)).map((recipient) => recipient.userId));
    const given = new Set<string>();
    key.sealed.forEach((box, boxIndex) => {
      if (given.has(box.userId)) throw invalid(`/keys/${index}/sealed/${boxIndex}/userId`, 'duplicate_recipient');
      if (!expected.has(box.userId)) throw invalid(`/keys/${index}/sealed/${boxIndex}/userId`, 'not_a_recipient');
      given.add(box.userId);
    });
    // A member left out would lose access to everything written from now on.
    if (given.size !== expected.size) throw invalid(`/keys/${index}/sealed`, 'recipient_missing');
  }
  await trx
    .insertInto('org_keys')
    .values(request.keys.map((key) => ({ organisation_id: orgId, kind: key.kind, version: key.version })))
    .execute();
  const boxes = request.keys.flatMap((key) =>
    key.sealed.map((box) => ({ organisation_id: orgId, user_id: box.userId, kind: key.kind, version: key.version, sealed: Buffer.from(box.sealed, 'base64') })),
  );
  await trx.insertInto('sealed_keys').values(boxes).execute();
  await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'rotation', count: boxes.length });
}
