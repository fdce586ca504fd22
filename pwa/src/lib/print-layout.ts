import { signal } from '@preact/signals';
import { z } from 'zod';
import { readPersisted, writePersisted } from './persisted.js';

/** The receipt printer widths the print layout is made for, in millimetres. */
export const PRINT_WIDTHS = ['58', '80'] as const;
export type PrintWidth = (typeof PRINT_WIDTHS)[number];

/** The paper width this phone prints on, remembered on the phone (80 mm until chosen). */
export const printWidth = signal<PrintWidth>(readPersisted('printWidth', z.enum(PRINT_WIDTHS)) ?? '80');

/** Chooses (and remembers) the paper width. */
export function choosePrintWidth(width: PrintWidth): void {
  printWidth.value = width;
  writePersisted('printWidth', width);
}

/**
 * Prints `target` alone on the chosen paper: while the print dialog is open, the page carries
 * `data-print-width` (print.css picks the @page size by it and hides everything but the target,
 * marked `print-target`); both go when the dialog closes.
 */
export function printOnly(target: HTMLElement, width: PrintWidth = printWidth.value): void {
  const root = document.documentElement;
  const done = () => {
    delete root.dataset.printWidth;
    target.classList.remove('print-target');
    window.removeEventListener('afterprint', done);
  };
  root.dataset.printWidth = width;
  target.classList.add('print-target');
  window.addEventListener('afterprint', done);
  window.print();
}
