// A fieldset of radio buttons with a visible legend.
import { useId } from 'react';

export function RadioGroup<V extends string>({
  legend,
  value,
  onValue,
  options,
}: {
  legend: string;
  value: V;
  onValue: (value: V) => void;
  options: readonly { value: V; label: string }[];
}) {
  const name = useId();
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
