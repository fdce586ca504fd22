import type { TargetedEvent } from 'preact';

type Props = {
  id: string;
  label: string;
  issue?: string | undefined;
  hint?: string;
  value: string;
  onValue: (v: string) => void;
  type?: 'text' | 'datetime-local' | 'date';
  inputMode?: 'decimal' | 'numeric';
  maxLength?: number;
};

/**
 * An input with its label and, right under it, its hint or what is wrong with it.
 * @example <FormField id="holder" label="Holder" value={holder.value} onValue={(v) => (holder.value = v)} />
 */
export function FormField({ id, label, issue, hint, value, onValue, type = 'text', inputMode, maxLength = 200 }: Props) {
  const said = issue ?? hint;
  const common = {
    id,
    autocomplete: 'off',
    'aria-invalid': issue ? ('true' as const) : undefined,
    'aria-describedby': said ? `${id}-said` : undefined,
    value,
    onInput: (e: TargetedEvent<HTMLInputElement>) => onValue(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'text' ? <input type="text" inputMode={inputMode} maxLength={maxLength} {...common} /> : <input type={type} {...common} />}
      {said && (
        <p id={`${id}-said`} class={issue ? 'error' : 'muted small'}>
          {said}
        </p>
      )}
    </div>
  );
}
