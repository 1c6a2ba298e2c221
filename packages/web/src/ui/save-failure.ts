// Turns what a failed write threw into what a form shows: per-field French messages from the
// core schema when the writer refused the document, else one message for the whole form.
import { errorMessage } from '../api/errors.ts';
import { DataError, LockedError, ValidationError } from '../data/errors.ts';

export interface SaveFailure {
  fields: Record<string, string>;
  message: string;
}

export function saveFailure(error: unknown): SaveFailure {
  if (error instanceof ValidationError) {
    const { '': whole, ...fields } = error.errors;
    return { fields, message: whole ?? error.message };
  }
  // Both carry a French message written for the person.
  if (error instanceof DataError || error instanceof LockedError) return { fields: {}, message: error.message };
  return { fields: {}, message: errorMessage(error) };
}
