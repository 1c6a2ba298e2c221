// A form's custom fields: the typed inputs kept as an encrypted draft of their own (beside the
// form's), the messages under each field, and the values to save. Person and observation forms
// use it the same way: `check()` on submit, `values` into the record, `clear()` after saving.
import { useCallback, useMemo, useState } from 'react';
import type { CustomFieldDefinition, StoredCustomValues } from '@relais/core/domain/custom-fields';
import { useDraft } from '../../data/hooks.ts';
import { checkCustomInputs, editDraft, isCustomDirty, shownInputs, type CustomCheck, type CustomDraft, type CustomErrors, type FieldInput } from './custom-values-form.ts';

export interface CustomValuesState {
  definitions: readonly CustomFieldDefinition[];
  /** The record's map as stored (storedCustomValues): what a save writes back, edits applied. */
  stored: Readonly<StoredCustomValues>;
  inputs: CustomDraft;
  errors: CustomErrors;
  set: (definitionId: string, input: FieldInput) => void;
  /** Checks what was typed; shows the messages when it cannot be saved. */
  check: () => CustomCheck;
  dirty: boolean;
  clear: () => void;
}

export function useCustomValues(draftKey: string, definitions: readonly CustomFieldDefinition[], stored: Readonly<StoredCustomValues>): CustomValuesState {
  const [draft, setDraft, clearDraft] = useDraft<CustomDraft | null>(draftKey, null);
  const [errors, setErrors] = useState<CustomErrors>({});
  const inputs = useMemo(() => shownInputs(definitions, stored, draft), [definitions, stored, draft]);
  const set = useCallback(
    (definitionId: string, input: FieldInput) => {
      setDraft(editDraft(draft, definitionId, input));
      setErrors((previous) => {
        if (!Object.hasOwn(previous, definitionId)) return previous;
        const { [definitionId]: _gone, ...rest } = previous;
        return rest;
      });
    },
    [draft, setDraft],
  );
  const check = useCallback(() => {
    const result = checkCustomInputs(definitions, stored, draft);
    setErrors(result.ok ? {} : result.errors);
    return result;
  }, [definitions, stored, draft]);
  const clear = useCallback(() => {
    clearDraft();
    setErrors({});
  }, [clearDraft]);
  return { definitions, stored, inputs, errors, set, check, dirty: isCustomDirty(definitions, stored, draft), clear };
}
