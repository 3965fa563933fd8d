// Idle sign-out: a warning with a countdown, "Stay signed in", then an automatic sign-out that
// leaves no patient data on screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, fillSignIn, screenshotOnFailure, signIn } from './support/hearth.js';

const baseUrl = inject('baseUrl');
// The warning shows half-way (at 6 s), leaving 6 s to look at it before the sign-out.
const IDLE_SECONDS = 12;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  // The app reads this before it starts its idle timer (test hook documented in idle-config.ts).
  await browser.context.addInitScript(
    (s) => localStorage.setItem('hearth.idleSecondsOverride', s),
    String(IDLE_SECONDS),
  );
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

test('warns, lets the person stay, then signs out and clears the chart', async () => {
  await signIn(page, baseUrl, demoEmail('elena'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByTestId('patients-table').locator('tbody tr a').first().click();
  await page.getByTestId('chart-header').waitFor();
  const chartUrl = page.url();
  const name = (await page.getByTestId('chart-patient-name').textContent())!;
  const mrn = (await page.getByTestId('chart-mrn').textContent())!.replace(/^MRN\s*/, '');
  expect(name.length).toBeGreaterThan(3);

  // Hands off the keyboard and mouse: the warning appears with a countdown.
  const warning = page.getByTestId('idle-warning');
  await warning.waitFor({ timeout: 15_000 });
  expect(await page.getByRole('dialog', { name: 'Are you still there?' }).isVisible()).toBe(true);
  // (Quick checks only: the sign-out is a few seconds away. No axe run here for that reason.)
  const seconds = async () =>
    Number((await page.getByTestId('idle-countdown').textContent())?.match(/\d+/)?.[0]);
  expect(await page.getByTestId('idle-countdown').textContent()).toMatch(
    /^You will be signed out in [1-6] s$/,
  );
  const first = await seconds();
  // "Stay signed in" has the focus, so Enter keeps the session.
  expect(
    await page
      .getByRole('button', { name: 'Stay signed in' })
      .evaluate((el) => el === document.activeElement),
  ).toBe(true);
  await screenshot(page, 'idle-warning');
  // The countdown counts down.
  await expect.poll(seconds, { timeout: 3_000, interval: 200 }).toBeLessThan(first);

  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await warning.waitFor({ state: 'hidden' });
  expect(page.url()).toBe(chartUrl);
  expect(await page.getByTestId('chart-patient-name').textContent()).toBe(name);

  // Left alone again, the warning returns and, ignored, ends in a sign-out.
  await warning.waitFor({ timeout: 15_000 });
  const notice = page.getByTestId('sign-in-notice');
  await notice.waitFor({ timeout: 15_000 });
  expect(await notice.textContent()).toBe(`You were signed out after ${IDLE_SECONDS} seconds of inactivity.`);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  // Nothing about the patient remains in the page.
  const html = await page.content();
  expect(html).not.toContain(name);
  expect(html).not.toContain(mrn);
  expect(await page.getByTestId('chart-header').count()).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'idle-signed-out');

  // The session is over on the server too: the chart's address asks for a sign-in.
  await page.goto(chartUrl);
  await page.getByTestId('sign-in-email').waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect(await page.content()).not.toContain(name);
  const api = await page.evaluate(
    async (u) => (await fetch(u)).status,
    new URL(chartUrl).pathname.replace('/patients/', '/api/patients/'),
  );
  expect(api).toBe(401);

  // Signing in again from there returns to the chart that was asked for.
  await fillSignIn(page, demoEmail('elena'));
  await page.getByTestId('chart-header').waitFor();
  expect(page.url()).toBe(chartUrl);
  expect(await page.getByTestId('chart-patient-name').textContent()).toBe(name);
});
