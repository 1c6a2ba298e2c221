// A person's age, from their birth date and today's date (given: core has no clock).
import { isIsoDate } from './calendar.ts';

/**
 * Whole years from `birthDate` to `today` (both IsoDate); null when the birth date is empty,
 * invalid or after today. Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, today: string): number | null {
  if (!isIsoDate(birthDate) || !isIsoDate(today) || birthDate > today) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // 'MM-DD' compares as text: the birthday has not come yet this year when it sorts after today.
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** « 34 ans », « 1 an », or '' when the age is unknown. */
export function ageLabel(birthDate: string, today: string): string {
  const age = ageOn(birthDate, today);
  if (age === null) return '';
  return age < 2 ? `${age} an` : `${age} ans`;
}
