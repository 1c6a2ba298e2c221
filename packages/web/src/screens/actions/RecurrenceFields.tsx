// The « Récurrence » fieldset: a kind (none, daily, weekly on chosen days, monthly, custom RRULE),
// how often, and an optional last day, with a French sentence saying what was chosen.
import { useId } from 'react';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { describeRecurrence, recurrenceToRrule, REPEAT_KINDS, REPEAT_LABELS, weekdayOf, WEEKDAYS, type RecurrenceField, type RecurrenceInput, type RepeatKind } from './recurrence-form.ts';

const INTERVAL: Partial<Record<RepeatKind, { label: string; hint: string }>> = {
  daily: { label: 'Tous les combien de jours ?', hint: '1 : chaque jour ; 2 : un jour sur deux…' },
  weekly: { label: 'Toutes les combien de semaines ?', hint: '1 : chaque semaine ; 2 : une semaine sur deux…' },
  monthly: { label: 'Tous les combien de mois ?', hint: '1 : chaque mois, le même jour que la première échéance ; 2 : un mois sur deux…' },
};

export function RecurrenceFields({
  value,
  onChange,
  startDate,
  errors,
}: {
  value: RecurrenceInput;
  onChange: (next: RecurrenceInput) => void;
  /** The first due date: the series starts there. */
  startDate: string;
  errors: Partial<Record<RecurrenceField, string>>;
}) {
  const id = useId();
  const preview = recurrenceToRrule(value, startDate);
  const sentence = value.kind !== 'none' && preview.ok ? describeRecurrence(preview.rrule, preview.until) : '';

  const setKind = (kind: RepeatKind) => {
    const weekdays = kind === 'weekly' && value.weekdays.length === 0 && startDate ? [weekdayOf(startDate)] : value.weekdays;
    onChange({ ...value, kind, weekdays });
  };

  return (
    <fieldset className="ac-recurrence">
      <legend>Récurrence</legend>
      <SelectField label="Répéter" value={value.kind} onValue={setKind} options={REPEAT_KINDS.map((k) => ({ value: k, label: REPEAT_LABELS[k] }))} />
      {INTERVAL[value.kind] ? (
        <TextField
          label={INTERVAL[value.kind]!.label}
          type="number"
          inputMode="numeric"
          min={1}
          max={999}
          value={value.interval}
          onValue={(interval) => onChange({ ...value, interval })}
          error={errors.interval}
          hint={INTERVAL[value.kind]!.hint}
          className="ac-short"
        />
      ) : null}
      {value.kind === 'weekly' ? (
        <fieldset className="ac-weekdays">
          <legend>Les jours</legend>
          {errors.weekdays ? (
            <p className="field-error" id={`${id}-days-error`}>
              {errors.weekdays}
            </p>
          ) : null}
          <div className="ac-weekday-options">
            {WEEKDAYS.map((d) => (
              <div className="field checkbox" key={d.code}>
                <input
                  type="checkbox"
                  id={`${id}-${d.code}`}
                  checked={value.weekdays.includes(d.code)}
                  onChange={(e) =>
                    onChange({ ...value, weekdays: e.target.checked ? [...value.weekdays, d.code] : value.weekdays.filter((w) => w !== d.code) })
                  }
                  aria-invalid={errors.weekdays ? true : undefined}
                  aria-describedby={errors.weekdays ? `${id}-days-error` : undefined}
                />
                <label htmlFor={`${id}-${d.code}`}>{d.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      {value.kind === 'custom' ? (
        <TextField
          label="Règle (RRULE)"
          value={value.custom}
          onValue={(custom) => onChange({ ...value, custom })}
          error={errors.custom}
          hint="Format iCalendar, par exemple FREQ=MONTHLY;BYDAY=1MO (le premier lundi de chaque mois)."
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
        />
      ) : null}
      {value.kind !== 'none' ? (
        <TextField
          label="Jusqu’au (facultatif)"
          type="date"
          value={value.until}
          onValue={(until) => onChange({ ...value, until })}
          error={errors.until}
          hint="Dernier jour possible de la série. Laissez vide pour ne pas la limiter."
          min={startDate || undefined}
        />
      ) : null}
      {sentence ? (
        <p className="ac-recurrence-summary" aria-live="polite">
          {sentence}
        </p>
      ) : null}
    </fieldset>
  );
}
