// Accent-insensitive person search. The index lives in memory only, built from decrypted
// summaries: stored, it would be personal data in clear on the device.

/** Lower case, without accents, ligatures expanded, punctuation and spacing collapsed. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Phone numbers compare on digits only, with a leading +33 read as 0. */
export function normalisePhoneForSearch(text: string): string {
  const digits = text.replace(/\D+/g, '');
  return text.trim().startsWith('+33') ? '0' + digits.slice(2) : digits;
}

export interface PersonSearchFields {
  name: string;
  otherNames: string;
  phone: string;
}

/** What a search compares against, computed once per record rather than per keystroke. */
export interface SearchKey {
  /** Name and other names, normalised. */
  text: string;
  /** Phone digits. */
  phone: string;
}

export function personSearchKey(person: PersonSearchFields): SearchKey {
  return { text: normaliseForSearch(`${person.name} ${person.otherNames}`), phone: normalisePhoneForSearch(person.phone) };
}

/**
 * A predicate for one query, normalised once: true when every word of the query is found in the
 * name or other names, or when the query looks like a phone number (at least 3 digits, nothing
 * but phone punctuation) whose digits are found in the phone. An empty query matches everyone.
 */
export function createSearchMatcher(query: string): (key: SearchKey) => boolean {
  const words = normaliseForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return () => true;
  const digits = normalisePhoneForSearch(query);
  // Require a few digits so that a name query containing "1" does not match every phone.
  const phoneQuery = digits.length >= 3 && /^[\d\s.+()-]+$/.test(query.trim()) ? digits : null;
  return (key) => words.every((w) => key.text.includes(w)) || (phoneQuery !== null && key.phone.includes(phoneQuery));
}

export function matchesPersonSearch(person: PersonSearchFields, query: string): boolean {
  return createSearchMatcher(query)(personSearchKey(person));
}
