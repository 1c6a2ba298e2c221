// Date and time of an activity record; both default to « now » until typed.
import { TextField } from '../../ui/fields.tsx';
import { shownWhen, type When } from './forms.ts';

export function WhenFields({
  value,
  onValue,
  nowMs,
  errors,
}: {
  value: When;
  onValue: (when: When) => void;
  nowMs: number;
  errors: { date?: string | undefined; time?: string | undefined };
}) {
  const shown = shownWhen(value, nowMs);
  return (
    <div className="when-fields">
      <TextField label="Date" type="date" value={shown.date} onValue={(date) => onValue({ ...shown, date })} error={errors.date} required />
      <TextField label="Heure" type="time" value={shown.time} onValue={(time) => onValue({ ...shown, time })} error={errors.time} required />
    </div>
  );
}
