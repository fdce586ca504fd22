/**
 * A row of big buttons that behave as one radio group (keyboard and screen readers see radios).
 * `value` null: none picked yet (reason buttons ask before anything is assumed); `labelOf` gives each
 * option's words when they are not the option itself; `wide` lays out longer words two to a row.
 */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  labelOf = (option) => option,
  wide = false,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  labelOf?: (option: T) => string;
  wide?: boolean;
}) {
  return (
    <fieldset class={`choices${wide ? ' choices-wide' : ''}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} class={`choice${option === value ? ' chosen' : ''}`}>
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onChange(option)} />
          {labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}
