// Standard base64 (RFC 4648, with padding). libsodium's codec costs more than the decryption
// itself, and core cannot rely on Buffer or atob, so Relais carries its own table-driven codec.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export class Base64Error extends Error {
  override readonly name = 'Base64Error';
}

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61; // '='
const ascii = new TextDecoder('utf-8');

export function toBase64(bytes: Uint8Array): string {
  // Building the ASCII bytes then decoding them once is several times faster than string
  // concatenation on records of ~1 KiB, where base64 otherwise costs more than the decryption.
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ALPHABET_CODES[v >> 18]!;
    out[o++] = ALPHABET_CODES[(v >> 12) & 63]!;
    out[o++] = ALPHABET_CODES[(v >> 6) & 63]!;
    out[o++] = ALPHABET_CODES[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | (i + 1 < n ? bytes[i + 1]! << 8 : 0);
    out[o++] = ALPHABET_CODES[v >> 18]!;
    out[o++] = ALPHABET_CODES[(v >> 12) & 63]!;
    out[o++] = i + 1 < n ? ALPHABET_CODES[(v >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return ascii.decode(out);
}

// Each table holds a sextet already shifted into place; invalid characters are negative, so a
// single OR of everything decoded tells whether any input character was invalid.
const INVALID = -(1 << 24);
const SHIFTED = [18, 12, 6, 0].map((shift) => {
  const table = new Int32Array(256).fill(INVALID);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i << shift;
  return table;
}) as [Int32Array, Int32Array, Int32Array, Int32Array];
const encoder = new TextEncoder();

export function fromBase64(text: string): Uint8Array {
  // Any non-ASCII character becomes bytes ≥ 128, which the tables mark invalid.
  const input = encoder.encode(text);
  const len = input.length;
  if (len % 4 !== 0) throw new Base64Error('base64 length is not a multiple of 4');
  const pad = len === 0 ? 0 : input[len - 1] === PAD ? (input[len - 2] === PAD ? 2 : 1) : 0;
  const out = new Uint8Array((len / 4) * 3 - pad);
  const full = pad === 0 ? len : len - 4;
  const [t0, t1, t2, t3] = SHIFTED;
  let o = 0;
  let seen = 0;
  for (let i = 0; i < full; i += 4) {
    const v = t0[input[i]!]! | t1[input[i + 1]!]! | t2[input[i + 2]!]! | t3[input[i + 3]!]!;
    seen |= v;
    out[o++] = v >> 16;
    out[o++] = v >> 8;
    out[o++] = v;
  }
  if (seen < 0) throw new Base64Error('invalid base64 character');
  if (pad > 0) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    const c = pad === 2 ? 0 : sextet(text, full + 2);
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o++] = v >> 16;
    if (pad === 1) out[o++] = (v >> 8) & 255;
  }
  return out;
}

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const v = code < 128 ? DECODE[code]! : -1;
  if (v < 0) throw new Base64Error(`invalid base64 character at ${i}`);
  return v;
}
