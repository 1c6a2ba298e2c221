// Search is done in memory over decrypted records and never stored: the index would otherwise be
// personal data in clear on the device.

/** Lower case, without accents, ligatures expanded, punctuation and spacing collapsed. */
export function normaliseText(text: string): string {
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
export function normalisePhone(text: string): string {
  const digits = text.replace(/\D+/g, '');
  return text.trim().startsWith('+33') ? '0' + digits.slice(2) : digits;
}

export interface Searchable {
  name: string;
  phone: string;
}

/**
 * True when every word of the query is found in the name (accent- and case-insensitive), or
 * when the query's digits are found in the phone number.
 */
export function matches(item: Searchable, query: string): boolean {
  const words = normaliseText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const name = normaliseText(item.name);
  if (words.every((w) => name.includes(w))) return true;
  const queryDigits = normalisePhone(query);
  // Require a few digits so that a name query containing "1" does not match every phone.
  return queryDigits.length >= 3 && /^[\d\s.+()-]+$/.test(query.trim()) && normalisePhone(item.phone).includes(queryDigits);
}
