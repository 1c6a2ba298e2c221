// A set of checkboxes under one legend (équipes, motifs): the error is linked to every box and
// the first box carries aria-invalid, so focusFirstInvalid lands on the group.
import { useId } from 'react';

export interface CheckboxOption {
  value: string;
  label: string;
}

export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
  empty,
}: {
  legend: string;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  hint?: string;
  /** Shown when there is nothing to choose from. */
  empty?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, checked: boolean) => {
    // Keep the order of the options, so the stored list does not depend on click order.
    const set = new Set(selected);
    if (checked) set.add(value);
    else set.delete(value);
    const ordered = options.map((o) => o.value).filter((v) => set.has(v));
    onChange([...ordered, ...[...set].filter((v) => !ordered.includes(v))]);
  };
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.length === 0 && empty ? <p className="hint">{empty}</p> : null}
      {options.map((option, index) => (
        <div className="field checkbox" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${index}`}
            checked={selected.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
            aria-invalid={error && index === 0 ? true : undefined}
            aria-describedby={describedBy}
          />
          <label htmlFor={`${id}-${index}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
