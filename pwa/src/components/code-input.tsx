import type { Ref } from 'preact';

/** Uppercases what is typed in place, keeping the caret where it was. */
function uppercaseInPlace(input: HTMLInputElement): string {
  const { selectionStart, selectionEnd } = input;
  const upper = input.value.toUpperCase();
  if (upper !== input.value) {
    input.value = upper;
    if (selectionStart !== null && selectionEnd !== null) input.setSelectionRange(selectionStart, selectionEnd);
  }
  return upper;
}

type Props = {
  id: string;
  value: string;
  /** Called with the text as typed, uppercased. */
  onValue: (value: string) => void;
  /** What the phone keyboard's Enter key says. */
  enterkeyhint: 'go' | 'search';
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** The id of the message saying what is wrong with what was typed, while there is one. */
  errorId?: string | null;
  /** The most characters the field takes: longer input is refused at the field. */
  maxLength: number;
};

/**
 * A field for a license plate or a ticket number: large, uppercased as it is typed (the caret stays
 * where it was), no autocorrect or autofill, never longer than `maxLength`. Label it with a `<label for={id}>`.
 * @example <CodeInput id="plate" enterkeyhint="go" maxLength={16} value={plate.value} onValue={(v) => (plate.value = v)} />
 */
export function CodeInput({ id, value, onValue, enterkeyhint, placeholder, inputRef, errorId, maxLength }: Props) {
  return (
    <input
      id={id}
      ref={inputRef}
      class="plate-input"
      placeholder={placeholder}
      autocomplete="off"
      autocapitalize="characters"
      spellcheck={false}
      enterkeyhint={enterkeyhint}
      maxLength={maxLength}
      aria-invalid={errorId ? 'true' : undefined}
      aria-describedby={errorId ?? undefined}
      value={value}
      onInput={(e) => onValue(uppercaseInPlace(e.currentTarget))}
    />
  );
}
