import type { CryptoErrorCode } from '@relais/core/crypto/errors';
import type { DerivedKeys } from './kdf-tasks.ts';

export type KdfReply =
  | { id: number; ok: true; result: DerivedKeys }
  /** `cryptoCode` is set when the task failed with a CryptoError (bad parameters, bad code). */
  | { id: number; ok: false; cryptoCode?: CryptoErrorCode; message: string };
