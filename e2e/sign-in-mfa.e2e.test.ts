// Signing in: password, two-step verification, wrong password, and "forgot password" through the demo mailbox.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import {
  DEMO_PASSWORD,
  demoEmail,
  fillSignIn,
  screenshotOnFailure,
  signOutViaMenu,
  unusedTotpFor,
  wrongTotpFor,
} from './support/hearth.js';

const baseUrl = inject('baseUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);
beforeEach(async () => {
  await browser.context.clearCookies();
});

describe('sign-in', () => {
  test('admin signs in with password and a TOTP code; a wrong code is refused first', async () => {
    const email = demoEmail('admin');
    await page.goto(`${baseUrl}/sign-in`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Hearth');
    await expect.poll(() => page.title()).toMatch(/Sign in/);
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    await fillSignIn(page, email);
    await page.getByTestId('mfa-code').waitFor();
    expect(page.url()).toMatch(/\/sign-in\/mfa$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Enter your verification code');
    expect(await page.getByLabel('Authentication code').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'mfa-code');

    // A wrong code: the error explains what to do, the field is emptied, and we stay on the MFA page.
    await page.getByTestId('mfa-code').fill(await wrongTotpFor(email));
    await page.getByRole('button', { name: 'Verify' }).click();
    const err = page.getByTestId('mfa-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/That code did not work/);
    expect(await page.getByTestId('mfa-code').inputValue()).toBe('');
    expect(page.url()).toMatch(/\/sign-in\/mfa$/);
    await screenshot(page, 'mfa-wrong-code');

    await page.getByTestId('mfa-code').fill(await unusedTotpFor(email));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('user-menu').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /^Good (morning|afternoon|evening), Dana$/,
    );
    expect(await page.getByTestId('practice-name').textContent()).toMatch(/Riverbend/);
    // The admin sees the admin area in the navigation.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Audit log' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'home-admin');

    await signOutViaMenu(page);
    expect(await page.getByTestId('sign-in-notice').textContent()).toMatch(/You have signed out/);
  });

  test('a therapist without two-step verification goes straight to home', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await fillSignIn(page, demoEmail('elena'));
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/, Elena$/);
    // No admin area for a therapist.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Patients' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await screenshot(page, 'home-therapist');
    await signOutViaMenu(page);
  });

  test('a wrong password says so and keeps the email', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await fillSignIn(page, demoEmail('aisha'), 'not-the-password-123');
    const err = page.getByTestId('sign-in-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/Email or password is incorrect/);
    expect(await page.getByTestId('sign-in-email').inputValue()).toBe(demoEmail('aisha'));
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(page.url()).toMatch(/\/sign-in$/);
    await expectAccessible(page);
    await screenshot(page, 'sign-in-wrong-password');

    // The right password still works afterwards.
    await fillSignIn(page, demoEmail('aisha'));
    await page.getByTestId('user-menu').waitFor();
    await signOutViaMenu(page);
  });

  test('forgot password: the reset e-mail arrives in the demo mailbox and its link sets a new password', async () => {
    const email = demoEmail('james');
    const newPassword = 'Maple leaves fall in October 2026';

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel(/^Email/).fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const sent = page.getByTestId('reset-requested');
    await sent.waitFor();
    expect(await sent.textContent()).toContain(email);
    await screenshot(page, 'forgot-password-sent');

    // The demo mailbox is linked from the sign-in page.
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await page.getByTestId('demo-mailbox-link').click();
    await page.getByRole('heading', { name: 'Demo mailbox' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: email })
      .filter({ hasText: /password/i });
    // The mail is sent by a background job: refresh until it is there.
    await expect
      .poll(
        async () => {
          if ((await row.count()) === 0) await page.getByRole('button', { name: 'Refresh' }).click();
          return row.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await row.first().getByRole('link').click();
    const text = page.getByTestId('mail-text');
    await text.waitFor();
    expect(await text.textContent()).toMatch(/reset-password#token=/);
    await expectAccessible(page);
    await screenshot(page, 'mailbox-reset-message');

    await text.getByRole('link', { name: /reset-password/ }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // The token leaves the address bar as soon as the page has read it.
    expect(page.url()).not.toContain('token=');
    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByLabel(/^Confirm new password/).fill(newPassword);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByTestId('reset-complete').waitFor();
    await screenshot(page, 'reset-password-done');

    // The old password no longer works; the new one does.
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await fillSignIn(page, email, DEMO_PASSWORD);
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toMatch(/Email or password is incorrect/);
    await fillSignIn(page, email, newPassword);
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/, James$/);

    // Put the demo password back (through "Change password") so other journeys can sign in as James.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel(/^Current password/).fill(newPassword);
    await dialog.getByLabel(/^New password/).fill(DEMO_PASSWORD);
    await dialog.getByLabel(/^Confirm new password/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await signOutViaMenu(page);
    await fillSignIn(page, email);
    await page.getByTestId('user-menu').waitFor();
  });
});
