// Turning a refused write into French messages by field, and the form's focus on the first one.
import { ValidationError } from './data.ts';

export type FieldErrors = Record<string, string>;

/** Messages by field for a ValidationError; null for any other failure. */
export function fieldErrorsOf(error: unknown): FieldErrors | null {
  return error instanceof ValidationError ? { ...error.errors } : null;
}

/** A French sentence for a failure that is not about one field. */
export function failureMessage(error: unknown): string {
  if (error instanceof ValidationError) return error.errors[''] ?? 'Certains champs sont à corriger.';
  if (error instanceof Error && error.message) return error.message;
  return "L'enregistrement a échoué. Veuillez réessayer.";
}

/** Moves focus to the first invalid control, after React has rendered the messages. */
export function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
