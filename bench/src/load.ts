// Loads the synthetic organisation's ciphertexts into a running server through the real
// `POST /api/sync/push`, as a device that created them all would: batches of 500 new records.
import { uuidv7 } from '@relais/core';
import { PROTOCOL_VERSION, type PushRequest, type PushResponse } from '@relais/core/protocol';
import { chunks, encryptedRecords } from './cache.ts';
import type { SyntheticOrganisation } from './generator.ts';
import { note } from './report.ts';
import { platformRandom, type EncryptedRecord } from './seal.ts';

export const LOAD_BATCH = 500;

export interface Endpoint {
  baseUrl: string;
  /** The session token of a member allowed to write every collection. */
  token: string;
}

const random = platformRandom();
const clock = { now: () => Date.now() };

function changesOf(records: readonly EncryptedRecord[]): PushRequest {
  return {
    protocol: PROTOCOL_VERSION,
    changes: records.map((r) => ({
      changeId: uuidv7(clock, random),
      collection: r.collection,
      id: r.id,
      baseVersion: 0,
      keyVersion: r.keyVersion,
      deleted: false,
      ciphertext: r.ciphertext,
    })),
  };
}

/** One push of new records; throws unless every change is accepted. */
export async function push(s: Endpoint, records: readonly EncryptedRecord[]): Promise<void> {
  const response = await fetch(`${s.baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
    body: JSON.stringify(changesOf(records)),
  });
  const body = (await response.json()) as PushResponse;
  if (!response.ok) throw new Error(`push: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  const refused = body.results.filter((r) => r.status !== 'accepted').length;
  if (refused > 0) throw new Error(`push: ${refused} changes not accepted: ${JSON.stringify(body.results.find((r) => r.status !== 'accepted'))}`);
}

/** Every record of the organisation, in generation order (persons first); returns how many. */
export async function loadOrganisation(org: SyntheticOrganisation, s: Endpoint, label: string): Promise<number> {
  const t0 = performance.now();
  let loaded = 0;
  for await (const batch of chunks(encryptedRecords(org), LOAD_BATCH)) {
    await push(s, batch);
    loaded += batch.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  note(`${label}: loaded ${loaded} records through POST /api/sync/push (batches of ${LOAD_BATCH}) in ${seconds.toFixed(1)} s (${Math.round(loaded / seconds)} records/s)`);
  return loaded;
}
