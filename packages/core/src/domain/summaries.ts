// What the in-memory index keeps per record: enough to list, sort, filter and search without
// decrypting again. Never stored: it is personal data in clear.
import type { Collection } from '../collections.ts';
import { DOMAIN, type FieldsOf, type SummaryOf } from './registry.ts';

export type { FieldsOf, SummaryOf } from './registry.ts';

/** The union of every collection's summary. */
export type Summary = SummaryOf<Collection>;

export function summarise<C extends Collection>(collection: C, fields: FieldsOf<C>): SummaryOf<C> {
  return DOMAIN[collection].summarise(fields);
}

/** The short French label of a record (corbeille, timeline). */
export function labelOf<C extends Collection>(collection: C, fields: FieldsOf<C>): string {
  return DOMAIN[collection].label(fields);
}
