// Fixed ids, keys and a process time zone switch for the tests of this folder. Not exported.
import { Keyring } from '../crypto/keyring.ts';

export const ORG = '0190a1b2-0000-7000-8000-000000000000';
export const TEAM_A = '0190a1b2-0000-7000-8000-00000000000a';
export const TEAM_B = '0190a1b2-0000-7000-8000-00000000000b';
export const NIGHT = '0190a1b2-0000-7000-8000-00000000000c';
export const USER_1 = '0190a1b2-0000-7000-8000-000000000101';
export const USER_2 = '0190a1b2-0000-7000-8000-000000000102';
export const PERSON_1 = '0190a1b2-0000-7000-8000-000000000201';
export const PERSON_2 = '0190a1b2-0000-7000-8000-000000000202';
export const SERIES_1 = '0190a1b2-0000-7000-8000-000000000301';

/** A test id from a small number: '0190a1b2-0000-7000-8000-00000000xxxx'. */
export function testId(n: number): string {
  return `0190a1b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function keyring(fill = 1, versions: readonly number[] = [1]): Keyring {
  return new Keyring(
    ORG,
    versions.map((version) => ({ kind: 'general' as const, version, key: new Uint8Array(32).fill(fill + version) })),
  );
}

interface ProcessLike {
  env: Record<string, string | undefined>;
}

/** Runs `body` with the process's local time zone set to `timeZone` (Node re-reads TZ on change). */
export function withProcessTimeZone<T>(timeZone: string, body: () => T): T {
  const env = (globalThis as unknown as { process: ProcessLike }).process.env;
  const previous = env.TZ;
  env.TZ = timeZone;
  try {
    return body();
  } finally {
    if (previous === undefined) delete env.TZ;
    else env.TZ = previous;
  }
}
