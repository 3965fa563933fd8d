// Smaller screens: the staff app on a tablet (768 x 1024) and the patient portal on a phone (390 x 844).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { demoEmail, expectNoHorizontalOverflow, screenshotOnFailure, signIn } from './support/hearth.js';

const baseUrl = inject('baseUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: 768, height: 1024 } });
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

/** Follows a main navigation link, opening the collapsed menu first when the screen is narrow. */
async function navigate(label: string) {
  const burger = page.getByRole('button', { name: 'Open navigation' });
  if (await burger.isVisible()) await burger.click();
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
  await link.waitFor();
  await link.click();
}

describe('tablet, 768 x 1024', () => {
  test('the patient list and a chart fit the screen and the navigation is reachable', async () => {
    await signIn(page, baseUrl, demoEmail('tom'));
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'tablet-home');

    await navigate('Patients');
    await page.getByTestId('patients-table').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Patients');
    expect(await page.getByTestId('open-patient-search').isVisible()).toBe(true);
    expect(await page.getByTestId('user-menu').isVisible()).toBe(true);
    await expectNoHorizontalOverflow(page);
    // The first patient's name is on screen, not scrolled out of view.
    const first = page.getByTestId('patients-table').locator('tbody tr a').first();
    const box = await first.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 768).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'tablet-patients');

    await first.click();
    await page.getByTestId('chart-header').waitFor();
    await expectNoHorizontalOverflow(page);
    for (const id of ['chart-patient-name', 'chart-mrn', 'chart-dob', 'chart-payer', 'chart-care-team']) {
      const b = await page.getByTestId(id).boundingBox();
      expect(b, id).not.toBeNull();
      expect(b!.x + b!.width, `${id} fits`).toBeLessThanOrEqual(768 + 1);
    }
    await expectAccessible(page);
    await screenshot(page, 'tablet-chart');

    // The way back is one tap away.
    await navigate('Patients');
    await page.getByTestId('patients-table').waitFor();
  });
});

describe('phone, 390 x 844', () => {
  test('the patient portal sign-in shows the practice and works one-handed', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/portal/`);
    const practice = page.getByTestId('portal-practice-name');
    await expect.poll(() => practice.textContent()).toBe('Riverbend Behavioral Health');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expect.poll(() => page.title()).toBe('Patient portal — Riverbend Behavioral Health');
    expect(await page.getByText(/988/).isVisible()).toBe(true);
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-portal-sign-in');

    // Errors are said next to the fields.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter the email address you gave the practice').waitFor();
    await page.getByText('Enter your password').waitFor();
    await page.getByTestId('portal-email').fill('patient@example.com');
    await page.getByTestId('portal-password').fill('a password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('portal-not-invited').waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'phone-portal-not-invited');
  });
});
