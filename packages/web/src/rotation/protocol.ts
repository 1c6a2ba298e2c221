// Messages between the page (rotation/client.ts) and the rotation Worker (rotation.worker.ts).
// Everything here survives structured clone.
import type { KeyKind } from '@relais/core/protocol';
import type { RotationProgress } from '@relais/core/rotation/driver';

export interface StartParams {
  userId: string;
  organisationId: string;
  /** Copies of every version of the kinds to re-encrypt (old ones open, the newest seals); zeroed when the Worker ends. */
  keys: { kind: KeyKind; version: number; key: Uint8Array }[];
  kinds: KeyKind[];
  token: string | null;
  /** Origin of the API ('' on the page itself). */
  apiBase: string;
}

export type ToWorker =
  | { type: 'start'; params: StartParams }
  /** A renewed session token, after the Worker said `unauthenticated`. */
  | { type: 'token'; token: string | null }
  /** Stop between batches and zero the keys (the cursor is saved: the next start resumes). */
  | { type: 'stop' };

export type FromWorker =
  | { type: 'progress'; progress: RotationProgress }
  /** The server could not be reached: the Worker tries again in `retryInMs`. */
  | { type: 'offline'; retryInMs: number }
  /** The server refused the token: the Worker waits for a `token` message. */
  | { type: 'unauthenticated' }
  | { type: 'finished'; failed: number }
  /** `code` is the API's error code when there is one (ROTATION_OUTDATED: reload the keys, start again). */
  | { type: 'failed'; code: string | null; message: string };
