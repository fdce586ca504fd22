import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openPhone } from './browser.js';

const baseUrl = inject('baseUrl');
let phone: Awaited<ReturnType<typeof openPhone>>;
beforeAll(async () => (phone = await openPhone()));
afterAll(async () => phone?.close());

it('is installable: Chromium reports no installability errors', async () => {
  const { page, context } = phone;
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Sign in to ParkOps' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const cdp = await context.newCDPSession(page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
  expect(manifest.url).toBe(`${baseUrl}/manifest.webmanifest`);
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
});

it('the axe check fails on a page with a violation (so its silence means something)', async () => {
  const { page } = phone;
  await page.goto(`${baseUrl}/api/status`);
  await page.setContent('<html><body><input type="text"><img src="x.png"></body></html>');
  await expect(expectNoAxeViolations(page, 'a broken page')).rejects.toThrow(/label|image-alt/);
});
