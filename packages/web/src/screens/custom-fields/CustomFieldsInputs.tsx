// The inputs of a form's custom fields, under their group headings. Every control has a visible
// label, its messages are linked to it, a required field says so in its hint; choices are plain
// selects and checkboxes, so a keyboard and a screen reader use them as any other field.
import { useId } from 'react';
import { groupDefinitions, LONG_TEXT_MAX, TEXT_MAX, type CustomFieldDefinition } from '@relais/core/domain/custom-fields';
import { optionsWithCurrent } from '@relais/core/domain/settings';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { CheckboxGroup } from '../persons/CheckboxGroup.tsx';
import { keptValueNote, NO, YES, type DurationInput, type FieldInput } from './custom-values-form.ts';
import type { CustomValuesState } from './useCustomValues.ts';
import './custom-fields.css';

export function CustomFieldsInputs({ state, title = 'Champs personnalisés' }: { state: CustomValuesState; title?: string }) {
  const headingId = useId();
  if (state.definitions.length === 0) return null;
  return (
    <section className="custom-fields" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {groupDefinitions(state.definitions).map((group) =>
        group.name === '' ? (
          <div key="">{group.definitions.map((d) => <CustomFieldInput key={d.id} definition={d} state={state} />)}</div>
        ) : (
          <fieldset key={group.name} className="custom-field-group">
            <legend>{group.name}</legend>
            {group.definitions.map((d) => (
              <CustomFieldInput key={d.id} definition={d} state={state} />
            ))}
          </fieldset>
        ),
      )}
    </section>
  );
}

function hintOf(definition: CustomFieldDefinition, note: string | null): string | undefined {
  const parts = [definition.required ? 'Obligatoire.' : '', note ?? ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function CustomFieldInput({ definition, state }: { definition: CustomFieldDefinition; state: CustomValuesState }) {
  const input = state.inputs[definition.id] as FieldInput;
  const stored = Object.hasOwn(state.stored, definition.id) ? state.stored[definition.id] : undefined;
  const hint = hintOf(definition, keptValueNote(definition, stored));
  const error = state.errors[definition.id];
  const set = (next: FieldInput) => state.set(definition.id, next);
  const text = typeof input === 'string' ? input : '';
  const label = definition.label;
  switch (definition.type) {
    case 'text':
      return <TextField label={label} value={text} onValue={set} hint={hint} error={error} maxLength={TEXT_MAX} autoComplete="off" />;
    case 'longText':
      return <TextAreaField label={label} value={text} onValue={set} hint={hint} error={error} maxLength={LONG_TEXT_MAX} rows={4} />;
    case 'number':
      return <TextField label={label} value={text} onValue={set} hint={hint} error={error} inputMode="decimal" autoComplete="off" />;
    case 'date':
      return <TextField label={label} type="date" value={text} onValue={set} hint={hint} error={error} />;
    case 'dateTime':
      return <TextField label={label} type="datetime-local" value={text} onValue={set} hint={hint} error={error} />;
    case 'duration':
      return <DurationInputs label={label} value={input as DurationInput} onValue={set} hint={hint} error={error} />;
    case 'yesNo':
      return (
        <SelectField
          label={label}
          value={text}
          onValue={set}
          hint={hint}
          error={error}
          options={[
            { value: '', label: 'Non renseigné' },
            { value: YES, label: 'Oui' },
            { value: NO, label: 'Non' },
          ]}
        />
      );
    case 'choice': {
      const options = optionsWithCurrent(definition.options, text === '' ? [] : [text]).map((value) => ({
        value,
        label: definition.options.includes(value) ? value : `${value} (option retirée de la liste)`,
      }));
      return <SelectField label={label} value={text} onValue={set} hint={hint} error={error} options={[{ value: '', label: 'Non renseigné' }, ...options]} />;
    }
    case 'multiChoice': {
      const selected = Array.isArray(input) ? input : [];
      const options = optionsWithCurrent(definition.options, selected).map((value) => ({
        value,
        label: definition.options.includes(value) ? value : `${value} (option retirée de la liste)`,
      }));
      return <CheckboxGroup legend={label} options={options} selected={selected} onChange={set} hint={hint} error={error} />;
    }
    case 'checkbox':
      return <CheckboxField label={label} checked={input === true} onChecked={set} hint={hint} error={error} />;
  }
}

/** Hours and minutes side by side, under one legend: two whole numbers, easy on a phone keypad. */
function DurationInputs({
  label,
  value,
  onValue,
  hint,
  error,
}: {
  label: string;
  value: DurationInput;
  onValue: (value: DurationInput) => void;
  hint: string | undefined;
  error: string | undefined;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="custom-duration">
      <legend>{label}</legend>
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
      <div className="custom-duration-parts">
        <div className="field">
          <label htmlFor={`${id}-h`}>Heures</label>
          <input
            id={`${id}-h`}
            inputMode="numeric"
            autoComplete="off"
            value={value.hours}
            onChange={(e) => onValue({ ...value, hours: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-m`}>Minutes</label>
          <input
            id={`${id}-m`}
            inputMode="numeric"
            autoComplete="off"
            value={value.minutes}
            onChange={(e) => onValue({ ...value, minutes: e.target.value })}
            aria-describedby={describedBy}
          />
        </div>
      </div>
    </fieldset>
  );
}
