// Core's domain as the data layer uses it: one code path for every collection.
import type { Collection } from '@relais/core/collections';
import { DOMAIN, readFields, validateFields } from '@relais/core/domain/registry';
import { labelOf, summarise } from '@relais/core/domain/summaries';
import type { PersonSummary } from '@relais/core/domain/person';
import { personSearchKey } from '../search/search-key.ts';
import type { Domain } from './domain-port.ts';
import type { Fields } from './protocol.ts';

/** Collections whose field changes become history records (who, when, before → after). */
const TRACKED: ReadonlySet<Collection> = new Set<Collection>(['person']);

export const coreDomain: Domain = {
  empty: (collection) => DOMAIN[collection].empty() as unknown as Fields,
  read: (collection, raw) => readFields(collection, raw) as unknown as Fields,
  validate(collection, fields) {
    const result = validateFields(collection, fields);
    return result.ok ? { ok: true, value: result.fields as unknown as Fields } : { ok: false, errors: result.errors };
  },
  summarise: (collection, raw) => summarise(collection, readFields(collection, raw)),
  label: (collection, raw) => labelOf(collection, readFields(collection, raw)),
  tracksHistory: (collection) => TRACKED.has(collection),
  // A person's search key travels with its summary: the page searches without normalising names.
  extras: (collection, summary) => (collection === 'person' ? { search: personSearchKey(summary as PersonSummary) } : null),
};
