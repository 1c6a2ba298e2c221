// The organisation keys a device holds in memory after unlock, by kind and version. Records name
// the key version they were sealed with, so old versions stay readable after a rotation while new
// writes always use the highest version of their kind.
import type { KeyKind } from '../protocol.ts';
import { isU32, KEY_BYTES } from './bytes.ts';
import { CryptoError } from './errors.ts';

export interface OrgKey {
  kind: KeyKind;
  version: number;
  key: Uint8Array;
}

export class Keyring {
  readonly organisationId: string;
  readonly #keys: readonly OrgKey[];

  /** Throws CryptoError MALFORMED on a bad key length or version, or two keys with the same kind and version. */
  constructor(organisationId: string, keys: readonly OrgKey[]) {
    const seen = new Set<string>();
    for (const k of keys) {
      if (k.key.length !== KEY_BYTES) throw new CryptoError('MALFORMED', `${k.kind} key of ${k.key.length} bytes`);
      if (!isU32(k.version) || k.version < 1) throw new CryptoError('MALFORMED', `${k.kind} key version ${k.version}`);
      const id = `${k.kind}:${k.version}`;
      if (seen.has(id)) throw new CryptoError('MALFORMED', `duplicate ${id} key`);
      seen.add(id);
    }
    this.organisationId = organisationId;
    this.#keys = [...keys].sort((a, b) => (a.kind === b.kind ? a.version - b.version : a.kind < b.kind ? -1 : 1));
  }

  /** The highest version of `kind`: the one new envelopes are sealed with. */
  current(kind: KeyKind): OrgKey {
    let best: OrgKey | undefined;
    for (const k of this.#keys) if (k.kind === kind && (best === undefined || k.version > best.version)) best = k;
    if (best === undefined) throw new CryptoError('KEY_UNKNOWN', `no ${kind} key`);
    return best;
  }

  get(kind: KeyKind, version: number): OrgKey {
    const found = this.#keys.find((k) => k.kind === kind && k.version === version);
    if (found === undefined) throw new CryptoError('KEY_UNKNOWN', `no ${kind} key version ${version}`);
    return found;
  }

  has(kind: KeyKind, version?: number): boolean {
    return this.#keys.some((k) => k.kind === kind && (version === undefined || k.version === version));
  }

  /** Every key, sorted by kind then version. */
  all(): OrgKey[] {
    return [...this.#keys];
  }
}
