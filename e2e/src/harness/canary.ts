// Canary search: a random string typed into the app must never reach the server or the local store
// in clear. Data is searched as it is stored and after decoding every base64 or hex run once more,
// case-insensitively, so that an accidental encoding layer or a normalised search index would not
// hide a leak.
import { randomBytes } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A random word of lower-case letters: valid in any text field, impossible to find by chance. */
export function randomWord(length: number): string {
  const bytes = randomBytes(length);
  let word = '';
  for (const byte of bytes) word += LETTERS[byte % LETTERS.length];
  return word;
}

export interface Canary {
  /** What the test types into the UI. */
  readonly typed: string;
  /** The random core searched for (lower case). */
  readonly needle: string;
}

export function makeCanary(label: string): Canary {
  const core = randomWord(18);
  const typed = `${label}${core.slice(0, 1).toUpperCase()}${core.slice(1)}`;
  return { typed, needle: core };
}

/** Every textual form of some bytes in which an ASCII string could appear. */
export function bytesForms(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [buffer.toString('utf8'), buffer.toString('latin1'), buffer.toString('utf16le'), buffer.toString('hex'), buffer.toString('base64')];
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?:\\x)?((?:[0-9a-fA-F]{2}){8,})/g;

/** The text plus the decoding of every base64 or hex run it contains, two levels deep. */
export function expandForSearch(text: string, depth = 2): string {
  const parts = [text];
  if (depth > 0) {
    for (const match of text.matchAll(BASE64_RUN)) {
      const normalised = match[0].replaceAll('-', '+').replaceAll('_', '/');
      const decoded = Buffer.from(normalised, 'base64');
      parts.push(expandForSearch(decoded.toString('latin1'), depth - 1));
      parts.push(decoded.toString('utf16le'));
    }
    for (const match of text.matchAll(HEX_RUN)) {
      const hex = match[1] ?? '';
      parts.push(expandForSearch(Buffer.from(hex, 'hex').toString('latin1'), depth - 1));
    }
  }
  return parts.join('\n');
}

export interface Haystack {
  /** Where this text came from, e.g. `table organisation_record row 3` or `server log line 12`. */
  readonly where: string;
  readonly text: string;
}

export interface CanaryHit {
  readonly where: string;
  readonly needle: string;
  readonly excerpt: string;
}

export function findCanaries(needles: readonly string[], haystacks: readonly Haystack[]): CanaryHit[] {
  const hits: CanaryHit[] = [];
  const lowered = needles.map((needle) => needle.toLowerCase());
  for (const haystack of haystacks) {
    const text = expandForSearch(haystack.text).toLowerCase();
    for (const needle of lowered) {
      const at = text.indexOf(needle);
      if (at >= 0) hits.push({ where: haystack.where, needle, excerpt: text.slice(Math.max(0, at - 60), at + needle.length + 60) });
    }
  }
  return hits;
}
