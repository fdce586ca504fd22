import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core on what a component test rendered and fails with a readable list of violations. The
 * test DOM draws nothing, so the rules that need layout (colour contrast) are left to the browser
 * tests (e2e/browser.ts).
 */
export async function expectAccessible(root: Element = document.body): Promise<void> {
  const result = await axe.run(root, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
