// The writer refuses a document with a ValidationError: one French message per field, under the
// '' key for the form as a whole.
import { ValidationError } from './data.ts';
import type { FormErrors } from './form-state.ts';

export function writerErrors(error: unknown): { fields: FormErrors; form: string | null } | null {
  if (!(error instanceof ValidationError)) return null;
  const fields: FormErrors = {};
  let form: string | null = null;
  for (const [key, message] of Object.entries(error.errors)) {
    if (key === '') form = message;
    else Object.assign(fields, { [key]: message });
  }
  return { fields, form: form ?? (Object.keys(fields).length === 0 ? error.message : null) };
}
