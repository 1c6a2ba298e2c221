import type { CryptoErrorCode } from '@relais/core/crypto/errors';
import type { DerivedKeys, KdfTask, OpenedKeys, OpenTask } from './kdf-tasks.ts';

export type KdfRequest = { id: number; task: KdfTask | OpenTask };

export type KdfReply =
  | { id: number; ok: true; result: DerivedKeys | OpenedKeys }
  /** `cryptoCode` is set when the task failed with a CryptoError (bad parameters, bad code). */
  | { id: number; ok: false; cryptoCode?: CryptoErrorCode; message: string };
