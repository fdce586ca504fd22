/** Debian's Chromium driven by playwright-core at a phone's size; never a downloaded browser. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A phone-sized browser with its own profile (persistent, so it can install and keep a service worker). */
export async function openPhone(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync('/tmp/parkops-e2e-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    hasTouch: true,
    timeout: 30_000,
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  if (violations.length > 0) throw new Error(`axe found ${violations.length} violation(s) on ${screen}:\n${violations.join('\n')}`);
}

/** Opens the app on the sign-in screen, signing out whoever was signed in on this phone. */
export async function openSignedOut(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const signOut = page.getByRole('button', { name: /Sign out/ });
  await Promise.race([page.getByLabel('Username').waitFor(), signOut.waitFor()]);
  if (await signOut.count()) await signOut.click();
  await page.getByLabel('Username').waitFor();
}

/** Signs in through the sign-in screen (signing out first whoever was signed in on this phone). */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await openSignedOut(page, baseUrl);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
