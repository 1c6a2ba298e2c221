// The person form's messages come from the shared zod schema (the same one the writer applies),
// plus the date checks it cannot make without a clock.
import { PersonFields } from '@relais/core/domain/person';
import { checkDates, FORM_FIELDS, type FormErrors, type FormField, type PersonFormValues } from './form-state.ts';

function isFormField(key: unknown): key is FormField {
  return typeof key === 'string' && (FORM_FIELDS as readonly string[]).includes(key);
}

/** The first message per field, in the schema's words. */
export function schemaErrors(values: PersonFormValues): FormErrors {
  const result = PersonFields.safeParse(values);
  const errors: FormErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isFormField(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export function validatePerson(values: PersonFormValues, today: string): FormErrors {
  return { ...checkDates(values, today), ...schemaErrors(values) };
}
