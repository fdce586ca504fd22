/** Debian's Chromium driven by playwright-core at a phone's size; never a downloaded browser. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The phone every flow is tried on first: 360 × 640, as the attendants' phones. */
export const PHONE = { width: 360, height: 640 };

/**
 * A phone-sized browser with its own profile (persistent, so it can install and keep a service worker).
 * `extraArgs` go on Chromium's command line after the usual flags (a fake camera, say).
 */
export async function openPhone(
  viewport = PHONE,
  { extraArgs = [] }: { extraArgs?: string[] } = {},
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync('/tmp/parkops-e2e-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...extraArgs],
    viewport,
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
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') rightly refuses an inline <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
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

/**
 * Fails unless the control is where the next tap can reach it without scrolling: the page has not
 * been scrolled (down or sideways), the control lies wholly inside the viewport above the tab bar,
 * and nothing covers its middle (a tap there lands on it). With `scrolled`, only "on screen where the
 * person is now" is asked (for a message next to a control they scrolled to).
 */
export async function expectInReach(page: Page, control: Locator, what: string, { scrolled = false } = {}): Promise<void> {
  await control.waitFor();
  const box = await control.boundingBox();
  const where = await page.evaluate(() => {
    const tabs = document.querySelector('nav.tabs')?.getBoundingClientRect();
    return {
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      width: window.innerWidth,
      height: window.innerHeight,
      pageWidth: document.documentElement.scrollWidth,
      bottom: tabs ? tabs.top : window.innerHeight,
    };
  });
  const problems: string[] = [];
  if (!scrolled && (where.scrollY !== 0 || where.scrollX !== 0)) problems.push(`the page is scrolled to ${where.scrollX},${where.scrollY}`);
  if (where.pageWidth > where.width) problems.push(`the page is ${where.pageWidth} px wide in a ${where.width} px viewport`);
  if (!box) problems.push('it has no box (hidden)');
  else {
    if (box.x < 0 || box.x + box.width > where.width) problems.push(`it spans x ${Math.round(box.x)}..${Math.round(box.x + box.width)} of ${where.width}`);
    if (box.y < 0 || box.y + box.height > where.bottom + 0.5) problems.push(`it spans y ${Math.round(box.y)}..${Math.round(box.y + box.height)}; the tab bar starts at ${Math.round(where.bottom)}`);
    else {
      const onTop = await control.evaluate((el, p) => {
        const hit = document.elementFromPoint(p.x, p.y);
        return hit !== null && (el === hit || el.contains(hit) || (el as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }).labels?.[0]?.contains(hit) === true);
      }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      if (!onTop) problems.push('something covers its middle');
    }
  }
  if (problems.length) throw new Error(`${what} is not in reach at ${where.width}×${where.height}: ${problems.join('; ')}`);
}
