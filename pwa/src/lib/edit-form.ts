import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { ApiFailure } from './api.js';
import { describeFailure } from './failure-text.js';

/** What an edit screen says by its Save button. */
export type SaveMessage = { kind: 'error' | 'ok'; text: string };

/** How one edit screen reads, sends and explains its form (settings, the garage profile, …). */
export type EditFormSpec<Saved, Form, Update, Field extends string> = {
  /** The fields in screen order: the first one with a problem gets the focus. */
  order: readonly Field[];
  toForm: (saved: Saved) => Form;
  /** The form checked on the phone: what to send, or each field's problem in words. */
  read: (form: Form, saved: Saved) => { update: Update } | { issues: Partial<Record<Field, string>> };
  send: (update: Update, saved: Saved) => Promise<Saved>;
  /** The server's field refusals in the phone's own words. */
  refused: (failure: ApiFailure) => Partial<Record<Field, string>>;
  savedText: (update: Update, after: Saved) => string;
  onSaved?: (after: Saved) => void;
};

/** An edit screen's state and its Save: the one way the phone edits, checks, sends and says what happened. */
export type EditForm<Saved, Form, Field extends string> = {
  saved: Signal<Saved | null>;
  form: Signal<Form | null>;
  issues: Signal<Partial<Record<Field, string>>>;
  message: Signal<SaveMessage | null>;
  busy: Signal<boolean>;
  formRef: { current: HTMLFormElement | null };
  /** The element the message is said in, scrolled into view when it changes. */
  said: { current: HTMLParagraphElement | null };
  /** Shows what the server has (after loading it). */
  show: (saved: Saved) => void;
  save: (event: Event) => Promise<void>;
};

/**
 * Checks the form on the phone (nothing sent while a field is wrong, the first wrong field focused),
 * sends only a real change, and says the outcome right by the Save button — where the person is
 * looking when they tap it — keeping their input whenever nothing was saved.
 */
export function useEditForm<Saved, Form, Update extends object, Field extends string>(
  spec: EditFormSpec<Saved, Form, Update, Field>,
): EditForm<Saved, Form, Field> {
  const saved = useSignal<Saved | null>(null);
  const form = useSignal<Form | null>(null);
  const issues = useSignal<Partial<Record<Field, string>>>({});
  const message = useSignal<SaveMessage | null>(null);
  const busy = useSignal(false);
  const formRef = useRef<HTMLFormElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message.value) said.current?.scrollIntoView?.({ block: 'nearest' });
  }, [message.value]);

  const show = (s: Saved) => {
    saved.value = s;
    form.value = spec.toForm(s);
  };

  function showIssues(found: Partial<Record<Field, string>>) {
    issues.value = found;
    const first = spec.order.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!form.value || !saved.value) return;
    const read = spec.read(form.value, saved.value);
    message.value = null;
    if ('issues' in read) {
      message.value = { kind: 'error', text: 'Nothing was saved; your changes are still in the form. Fix the fields marked above.' };
      showIssues(read.issues);
      return;
    }
    issues.value = {};
    if (Object.keys(read.update).length === 0) {
      message.value = { kind: 'ok', text: 'Nothing changed.' };
      return;
    }
    busy.value = true;
    try {
      const after = await spec.send(read.update, saved.value);
      spec.onSaved?.(after);
      show(after);
      message.value = { kind: 'ok', text: spec.savedText(read.update, after) };
    } catch (failure) {
      const refused = failure instanceof ApiFailure && failure.code === 'validation_failed' ? spec.refused(failure) : {};
      const fields = Object.keys(refused).length > 0;
      message.value = {
        kind: 'error',
        text: `${fields ? 'The server refused the fields marked above.' : describeFailure(failure)} Nothing was saved; your changes are still in the form.`,
      };
      if (fields) showIssues(refused);
    } finally {
      busy.value = false;
    }
  }

  return { saved, form, issues, message, busy, formRef, said, show, save };
}
