import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CodeInput } from './code-input.js';

describe('CodeInput', () => {
  it('uppercases what is typed in place, keeping the caret where it was, and gives the uppercased text', () => {
    const typed: string[] = [];
    render(
      <>
        <label for="code">Code</label>
        <CodeInput id="code" enterkeyhint="go" maxLength={16} value="" onValue={(v) => typed.push(v)} />
      </>,
    );
    const field = screen.getByLabelText<HTMLInputElement>('Code');
    field.value = 'ab 123';
    field.setSelectionRange(2, 2);
    fireEvent.input(field);
    expect(field.value).toBe('AB 123');
    expect([field.selectionStart, field.selectionEnd]).toEqual([2, 2]);
    expect(typed).toEqual(['AB 123']);
  });

  it('points to the message saying what is wrong, while there is one', () => {
    const { rerender } = render(<CodeInput id="code" enterkeyhint="go" maxLength={16} value="A" onValue={() => {}} errorId="code-error" />);
    const field = document.getElementById('code')!;
    expect([field.getAttribute('aria-invalid'), field.getAttribute('aria-describedby')]).toEqual(['true', 'code-error']);
    rerender(<CodeInput id="code" enterkeyhint="go" maxLength={16} value="AB" onValue={() => {}} errorId={null} />);
    expect([field.getAttribute('aria-invalid'), field.getAttribute('aria-describedby')]).toEqual([null, null]);
  });
});
