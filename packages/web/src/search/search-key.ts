// What a person search compares against, computed once per person, in the data Worker when it
// indexes the person (so the page never normalises 5,000 names in one task). Same results as
// core's normaliseForSearch, with a fast path for plain ASCII text (most names, every phone):
// Unicode normalisation costs ~20 µs a string, ~100 ms for 5,000 names on a slow phone.
import { normaliseForSearch, normalisePhoneForSearch } from '@relais/core/domain/search';

const ASCII = /^[\x20-\x7e]*$/;

export function normaliseSearchText(text: string): string {
  return ASCII.test(text) ? text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() : normaliseForSearch(text);
}

export interface PersonSearchKey {
  /** The name, normalised. */
  name: string;
  /** Name and other names, normalised. */
  text: string;
  /** Phone digits (+33 read as 0). */
  phone: string;
}

export function personSearchKey(person: { name: string; otherNames: string; phone: string }): PersonSearchKey {
  const name = normaliseSearchText(person.name);
  const others = normaliseSearchText(person.otherNames);
  return { name, text: others === '' ? name : name === '' ? others : `${name} ${others}`, phone: normalisePhoneForSearch(person.phone) };
}
