// rotation.rewrap50_ms: what the administrator's device spends making the new key versions and
// sealing them to every recipient the server named (core's nextKeyVersions + sealNewKeys, the
// publish request ready to send: boxes in base64). Raw baseline: the same number of boxes made
// one by one with sealOrgKey (one key to one member, as at a member's confirmation), public keys
// already decoded, nothing else. Both are timed alternately, after a warm-up; medians are taken
// by the caller.
import { fromBase64, type CryptoPrimitives, type Random } from '@relais/core';
import { generateOrgKey, nextKeyVersions, sealNewKeys, sealOrgKey, type Keyring, type OrgKey } from '@relais/core/crypto/index';
import type { KeyKind, PublishKeysRequest, RotationRecipient } from '@relais/core/protocol';

export interface KeySealingRuns {
  /** ms per run: new versions made and sealed to every recipient. */
  rotation: number[];
  /** ms per run: `boxes` single sealOrgKey calls. */
  raw: number[];
  /** Boxes in one publish request. */
  boxes: number;
  /** The last request made, with its keys: the one the caller publishes. */
  last: { fresh: OrgKey[]; request: PublishKeysRequest };
}

const WARMUP = 3;

export function measureKeySealing(
  p: CryptoPrimitives,
  random: Random,
  keyring: Keyring,
  recipients: readonly RotationRecipient[],
  kinds: readonly KeyKind[],
  runs: number,
): KeySealingRuns {
  const make = () => {
    const fresh = nextKeyVersions(random, keyring, kinds);
    return { fresh, request: sealNewKeys(p, keyring.organisationId, fresh, recipients) };
  };
  let last = make();
  const boxes = last.request.keys.reduce((sum, key) => sum + key.sealed.length, 0);
  // The baseline's boxes: the same kinds and versions, each to the same recipient as in the request.
  const boxKeys = last.request.keys.flatMap((entry) => {
    const key = generateOrgKey(random, entry.kind, entry.version);
    return entry.sealed.map((box) => ({ key, publicKey: fromBase64(recipients.find((r) => r.userId === box.userId)!.publicKey) }));
  });
  const raw = () => {
    for (const { key, publicKey } of boxKeys) sealOrgKey(p, keyring.organisationId, key, publicKey);
  };

  const rotation: number[] = [];
  const rawMs: number[] = [];
  for (let run = -WARMUP; run < runs; run++) {
    const rotationFirst = run % 2 === 0;
    const timeRaw = () => {
      const t0 = performance.now();
      raw();
      return performance.now() - t0;
    };
    let rawTime = rotationFirst ? 0 : timeRaw();
    const t0 = performance.now();
    last = make();
    const rotationTime = performance.now() - t0;
    if (rotationFirst) rawTime = timeRaw();
    if (run >= 0) {
      rotation.push(rotationTime);
      rawMs.push(rawTime);
    }
  }
  return { rotation, raw: rawMs, boxes, last };
}
