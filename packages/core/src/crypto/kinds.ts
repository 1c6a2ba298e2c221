// One-byte codes for key kinds inside binary formats (sealed keys, recovery keyring). Internal.
import type { KeyKind } from '../protocol.ts';

export const KIND_CODES: Record<KeyKind, number> = { general: 1, medical: 2 };

const KIND_BY_CODE = new Map<number, KeyKind>(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as KeyKind]));

export function kindFromCode(code: number | undefined): KeyKind | undefined {
  return code === undefined ? undefined : KIND_BY_CODE.get(code);
}
