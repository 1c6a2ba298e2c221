// The only look the server takes at a ciphertext: is it shaped like an envelope of the format it
// claims (core's crypto/envelope.ts), under the key version the change declares? Never its content.
import { ENVELOPE_OVERHEAD, ENVELOPE_VERSION } from '@relais/core/crypto/envelope';

export type EnvelopeProblem = 'envelope_too_short' | 'envelope_format_unknown' | 'envelope_key_version_mismatch';

/** `base64` must already be valid standard padded base64 (the wire schema checks it). */
export function envelopeProblem(base64: string, keyVersion: number): EnvelopeProblem | null {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const length = (base64.length / 4) * 3 - padding;
  if (length < ENVELOPE_OVERHEAD) return 'envelope_too_short';
  // Eight base64 characters are the first six bytes: format version and key version.
  const head = Buffer.from(base64.slice(0, 8), 'base64');
  if (head[0] !== ENVELOPE_VERSION) return 'envelope_format_unknown';
  if (head.readUInt32BE(1) !== keyVersion) return 'envelope_key_version_mismatch';
  return null;
}
