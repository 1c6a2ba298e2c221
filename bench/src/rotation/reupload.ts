// The raw baseline of rotation.cpu_s and rotation.wall_s: what moving the organisation's
// ciphertexts costs with no cryptography at all. The same pages of records under an older key
// version are fetched as the driver fetches them, and their ciphertexts are posted back untouched
// as an ordinary push (a new version of each record, under the same key version: what a device
// sends when it re-uploads what it has), one push per page. Nothing is opened or sealed.
//
// A pushed record moves to a new, higher sequence and stays under the old key version, so it
// would come back in a later page: the pass stops after the `count` records that were there when
// it began, which all come first in sequence order.
import { uuidv7, type Random } from '@relais/core';
import { PROTOCOL_VERSION, type KeyKind } from '@relais/core/protocol';
import type { AdminApi } from './api.ts';

const clock = { now: () => Date.now() };

export async function reupload(api: AdminApi, random: Random, kind: KeyKind, count: number, pageSize: number): Promise<number> {
  let since = 0;
  let sent = 0;
  while (sent < count) {
    const page = await api.page(kind, since, pageSize);
    const records = page.records.slice(0, count - sent);
    if (records.length === 0) throw new Error(`re-upload: only ${sent} of ${count} records under an older ${kind} key found`);
    const { results } = await api.push({
      protocol: PROTOCOL_VERSION,
      changes: records.map((record) => ({
        changeId: uuidv7(clock, random),
        collection: record.collection,
        id: record.id,
        baseVersion: record.version,
        keyVersion: record.keyVersion,
        deleted: record.deleted,
        ciphertext: record.ciphertext,
      })),
    });
    const refused = results.find((result) => result.status !== 'accepted');
    if (refused !== undefined) throw new Error(`re-upload: a change was not accepted: ${JSON.stringify(refused).slice(0, 300)}`);
    sent += records.length;
    since = page.next;
  }
  return sent;
}
