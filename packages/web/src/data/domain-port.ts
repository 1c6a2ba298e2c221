// What the data layer needs from core's domain, per collection. data/domain.ts gives core's
// implementation; tests may give their own.
import type { Collection } from '@relais/core/collections';
import type { Fields } from './protocol.ts';
import type { IndexDomain } from './summary-index.ts';

export type Validation = { ok: true; value: Fields } | { ok: false; errors: Record<string, string> };

export interface Domain extends IndexDomain {
  /** A new document: every field with its empty value. */
  empty(collection: Collection): Fields;
  /** A decrypted document read leniently: missing or mistyped fields get their default. */
  read(collection: Collection, raw: Fields): Fields;
  /** The fields as the schema parses them (trimmed…), or one French message per field. */
  validate(collection: Collection, fields: Fields): Validation;
  /** Collections whose field changes are kept as history 'change' records (who, when, before, after). */
  tracksHistory(collection: Collection): boolean;
}
