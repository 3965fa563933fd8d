// The practice administrator's security work: audit log and its chain, staff invitations,
// active sessions, and API tokens used by another system.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail, screenshotOnFailure, signIn } from './support/hearth.js';

const baseUrl = inject('baseUrl');
const run = Date.now().toString(36).slice(-5);
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, baseUrl, demoEmail('admin'), { mfa: true });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page);

// Each journey starts from home with nothing left open by the one before.
beforeEach(async () => {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('user-menu').waitFor();
});

const nav = (label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();

/** Signs in over HTTP (another device) and returns its session cookie. */
async function signInElsewhere(email: string): Promise<string> {
  const r = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1',
    },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(r.status).toBe(200);
  const cookie = r.headers.getSetCookie()[0]?.split(';')[0];
  expect(cookie).toBeTruthy();
  return cookie!;
}

describe('admin', () => {
  test('the audit log shows the sign-in and the chart just opened, and the chain verifies', async () => {
    // Open a chart, so there is a fresh chart-open event.
    await nav('Patients');
    await page.getByTestId('patient-search').fill('garc');
    await page.getByTestId('patients-table').getByRole('link', { name: 'José García' }).click();
    await page.getByTestId('chart-header').waitFor();
    const patientId = new URL(page.url()).pathname.split('/').pop()!;

    await nav('Audit log');
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');
    const row = (action: string) =>
      table.getByRole('row').filter({ hasText: action }).filter({ hasText: 'Dana Whitfield' });
    await row('auth.sign_in').first().waitFor();
    expect(await row('auth.mfa_verify').count()).toBeGreaterThan(0);
    const open = row('patient.read').filter({
      has: page.getByRole('link', { name: `Open chart ${patientId}` }),
    });
    expect(await open.count()).toBeGreaterThan(0);
    expect(await open.first().textContent()).toContain('Success');
    await expectAccessible(page);
    await screenshot(page, 'admin-audit');

    // Filter by action: only chart opens remain.
    await page.getByRole('textbox', { name: 'Action' }).fill('patient.read');
    await expect
      .poll(async () => {
        const actions = await table.locator('tbody tr td:nth-child(4)').allTextContents();
        return actions.length > 0 && actions.every((a) => a === 'patient.read');
      })
      .toBe(true);
    await page.getByRole('textbox', { name: 'Action' }).fill('');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /The audit chain is intact.*Checked [\d,]+ events; none were altered or removed/,
    );
    await screenshot(page, 'admin-audit-verified');
  });

  test('adds a staff member; the invitation arrives in the demo mailbox', async () => {
    const email = `casey.${run}@riverbend.example`;
    await nav('Staff');
    await page.getByTestId('staff-table').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add staff member' });
    await dialog.getByRole('textbox', { name: 'First name' }).fill('Casey');
    await dialog.getByRole('textbox', { name: 'Last name' }).fill(`Morgan${run}`);
    await dialog.getByRole('textbox', { name: 'Credentials' }).fill('LCSW');
    await dialog.getByRole('textbox', { name: 'Work email' }).fill(email);
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Licensed therapist', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Add staff member' }).click(); // closes the list of roles
    await screenshot(page, 'admin-staff-new');
    await dialog.getByRole('button', { name: 'Create and send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`An invitation to set a password was e-mailed to ${email}.`).waitFor();
    await page.getByTestId('staff-table').getByRole('row').filter({ hasText: email }).waitFor();
    expect(
      await page.getByTestId('staff-table').getByRole('row').filter({ hasText: email }).textContent(),
    ).toMatch(/Licensed therapist.*Active.*Never/);

    await page.goto(`${baseUrl}/mailbox`);
    const mail = page.getByRole('row').filter({ hasText: email });
    await expect
      .poll(
        async () => {
          if ((await mail.count()) === 0) await page.getByRole('button', { name: 'Refresh' }).click();
          return mail.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await mail.first().getByRole('link').click();
    const text = page.getByTestId('mail-text');
    await text.waitFor();
    expect(await text.textContent()).toMatch(/set-password#token=/);
    await screenshot(page, 'mailbox-invitation');
    // The link opens the "choose your password" page.
    await text.getByRole('link', { name: /set-password/ }).click();
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('user-menu').waitFor();
  });

  test('sees active sessions and revokes one on another device', async () => {
    const graceCookie = await signInElsewhere(demoEmail('grace'));
    const graceSession = () =>
      fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: graceCookie } }).then((r) => r.status);
    expect(await graceSession()).toBe(200);

    await nav('Sessions');
    const table = page.getByTestId('sessions-table');
    await table.waitFor();
    const mine = table.getByRole('row').filter({ hasText: 'This session' });
    expect(await mine.textContent()).toContain('Dana Whitfield');
    const grace = table.getByRole('row').filter({ hasText: 'Grace Kim' });
    await grace.first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-sessions');

    const before = await grace.count();
    await grace.first().getByRole('button', { name: 'Revoke session of Grace Kim' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke session' });
    await confirm.getByRole('button', { name: 'Revoke session' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => grace.count()).toBe(before - 1);
    expect(await graceSession()).toBe(401);
  });

  test('creates a service account and an API token that is shown once and works with Bearer', async () => {
    const accountName = `Data warehouse ${run}`;
    const tokenName = `Nightly export ${run}`;
    await nav('API tokens');
    await page.getByRole('heading', { name: 'Service accounts' }).waitFor();
    await page.getByRole('button', { name: 'Add service account' }).click();
    const sa = page.getByRole('dialog', { name: 'Add service account' });
    await sa.getByRole('textbox', { name: /Service account name/ }).fill(accountName);
    await sa.getByRole('button', { name: 'Add service account' }).click();
    await sa.waitFor({ state: 'hidden' });
    await page
      .getByRole('table', { name: 'Service accounts' })
      .getByRole('cell', { name: accountName })
      .waitFor();

    await page.getByRole('button', { name: 'Create token' }).click();
    const form = page.getByRole('dialog', { name: 'Create API token' });
    // With a single service account it is already chosen (clicking it again would clear it).
    const account = form.getByRole('combobox', { name: 'Service account' });
    if ((await account.inputValue()) !== accountName) {
      await account.click();
      await page.getByRole('option', { name: accountName }).click();
    }
    expect(await account.inputValue()).toBe(accountName);
    await form.getByRole('textbox', { name: /Token name/ }).fill(tokenName);
    await form.getByRole('combobox', { name: 'Scopes' }).click();
    await page.getByRole('option', { name: 'patients.read', exact: true }).click();
    await form.getByRole('heading', { name: 'Create API token' }).click(); // closes the list of scopes
    await form.getByRole('button', { name: 'Create token' }).click();

    const once = page.getByTestId('new-api-token-modal');
    await once.waitFor();
    const token = (await page.getByTestId('new-api-token').textContent())!.trim();
    expect(token.length).toBeGreaterThan(20);
    expect(await once.textContent()).toContain('This is the only time the token is shown');
    await expectAccessible(page);
    await screenshot(page, 'admin-api-token-once');

    // Another system calls the API with it.
    const withToken = await fetch(`${baseUrl}/api/patients?pageSize=5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status).toBe(200);
    const body = (await withToken.json()) as { items: unknown[]; total: number };
    expect(Array.isArray(body.items)).toBe(true);
    const without = await fetch(`${baseUrl}/api/patients?pageSize=5`);
    expect(without.status).toBe(401);
    const wrong = await fetch(`${baseUrl}/api/patients?pageSize=5`, {
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.status).toBe(401);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await once.waitFor({ state: 'hidden' });
    const row = page.getByTestId('api-tokens-table').getByRole('row').filter({ hasText: tokenName });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/patients\.read.*Active/);
    // Never shown again.
    expect(await page.content()).not.toContain(token);
    await screenshot(page, 'admin-api-tokens');
  });
});
